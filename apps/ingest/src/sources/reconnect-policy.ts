import { msUntilReset } from '@roost/x-client';
import { ApiResponseError } from 'twitter-api-v2';

/**
 * X's documented reconnect rules for the filtered stream (RELIABILITY.md): network errors back off
 * linearly by 250 ms up to 16 s; HTTP errors exponentially from 5 s up to 320 s; 429 exponentially
 * from 60 s (capped at 15 min) - unless the window is spent (`x-rate-limit-remaining: 0`) and X
 * said when it resets: then we wait exactly until `x-rate-limit-reset` (at least 1 s). A 429 with
 * requests left in the window is TooManyConnections (X has not yet noticed our old socket died):
 * the window reset says nothing about it, so X's exponential rule applies.
 */
export function streamRetryDelayMs(
  tryOccurrence: number,
  error?: unknown,
  nowMs: number = Date.now(),
): number {
  const n = Math.max(1, tryOccurrence);
  const status = error instanceof ApiResponseError ? error.code : (error as { code?: unknown })?.code;
  if (status === 429) {
    const reset = error instanceof ApiResponseError ? error.rateLimit : undefined;
    if (reset && reset.remaining === 0 && Number.isFinite(reset.reset) && reset.reset > 0) {
      return Math.max(1000, msUntilReset(reset, nowMs));
    }

    return Math.min(15 * 60_000, 60_000 * 2 ** (n - 1));
  }
  if (typeof status === 'number' && status >= 400) return Math.min(320_000, 5000 * 2 ** (n - 1));

  return Math.min(16_000, 250 * n);
}
