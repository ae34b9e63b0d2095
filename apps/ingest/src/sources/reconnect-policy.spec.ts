import { ApiResponseError } from 'twitter-api-v2';
import { streamRetryDelayMs } from './reconnect-policy';

function httpError(code: number, reset?: number, remaining = 0): ApiResponseError {
  const err = Object.create(ApiResponseError.prototype) as ApiResponseError;
  err.code = code;
  if (reset !== undefined) err.rateLimit = { limit: 50, remaining, reset };

  return err;
}

describe('streamRetryDelayMs (X reconnect rules)', () => {
  it('backs off network errors linearly by 250 ms up to 16 s', () => {
    expect(streamRetryDelayMs(1)).toBe(250);
    expect(streamRetryDelayMs(4, new Error('ECONNRESET'))).toBe(1000);
    expect(streamRetryDelayMs(500)).toBe(16_000);
  });

  it('backs off HTTP errors exponentially from 5 s up to 320 s', () => {
    expect(streamRetryDelayMs(1, httpError(503))).toBe(5000);
    expect(streamRetryDelayMs(3, httpError(500))).toBe(20_000);
    expect(streamRetryDelayMs(20, httpError(500))).toBe(320_000);
  });

  it('waits for x-rate-limit-reset on a 429 when X sends it, else exponentially from 60 s', () => {
    const now = 1_700_000_000_000;
    expect(streamRetryDelayMs(1, httpError(429, now / 1000 + 7), now)).toBe(7000);
    expect(streamRetryDelayMs(1, httpError(429, now / 1000 - 3), now)).toBe(1000);
    expect(streamRetryDelayMs(1, httpError(429))).toBe(60_000);
    expect(streamRetryDelayMs(2, httpError(429))).toBe(120_000);
    // TooManyConnections: requests left in the window, so its reset is irrelevant.
    expect(streamRetryDelayMs(1, httpError(429, now / 1000 + 800, 49), now)).toBe(60_000);
  });
});
