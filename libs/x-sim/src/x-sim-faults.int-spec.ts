import { createXClient, parseRateLimitHeaders } from '@roost/x-client';
import { ApiResponseError } from 'twitter-api-v2';
import { ACME_BRAND } from './x-sim.constants';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

async function failure(p: Promise<unknown>): Promise<ApiResponseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiResponseError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('x-sim faults and rate limits through twitter-api-v2', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('serves an injected 429 with reset headers, then recovers', async () => {
    const res = await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        endpoint: 'GET /2/users/:id/mentions',
        status: 429,
        count: 2,
        resetInSeconds: 120,
      }),
    });
    expect(res.status).toBe(201);
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const before = Math.floor(Date.now() / 1000);

    for (let i = 0; i < 2; i++) {
      const err = await failure(client.v2.userMentionTimeline(ACME_BRAND.care.id));
      expect(err.code).toBe(429);
      expect(err.rateLimitError).toBe(true);
      expect(err.rateLimit).toMatchObject({ remaining: 0 });
      expect(err.rateLimit!.reset).toBeGreaterThanOrEqual(before + 119);
      expect(parseRateLimitHeaders(err.headers)?.reset).toBe(err.rateLimit!.reset);
    }
    const ok = await client.v2.userMentionTimeline(ACME_BRAND.care.id);
    expect(ok.rateLimit).toMatchObject({ limit: 450, remaining: 449 });
  });

  it('serves injected 5xx on any endpoint with "*" and on the stream', async () => {
    sim.injectFault({ endpoint: '*', status: 503 });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    expect((await failure(client.v2.userByUsername('acme'))).code).toBe(503);
    await expect(client.v2.userByUsername('acme')).resolves.toBeDefined();

    sim.injectFault({ endpoint: 'stream', status: 500 });
    expect((await failure(client.v2.searchStream())).code).toBe(500);
    expect(sim.stats().pendingFaults).toEqual([]);
  });

  it('counts requests per endpoint per token and answers 429 past the limit', async () => {
    sim.setRateLimit('GET /2/tweets/search/recent', 2);
    const a = createXClient({ baseUrl: sim.url, bearerToken: 'app-a' });
    const b = createXClient({ baseUrl: sim.url, bearerToken: 'app-b' });
    const first = await a.v2.search('acme');
    expect(first.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
    await a.v2.search('acme');
    const err = await failure(a.v2.search('acme'));
    expect(err.code).toBe(429);
    expect(err.rateLimit).toMatchObject({ limit: 2, remaining: 0 });
    expect(err.rateLimit!.reset * 1000).toBeGreaterThan(Date.now());
    await expect(b.v2.search('acme')).resolves.toBeDefined();
  });

  it('exposes health and Prometheus metrics', async () => {
    sim.injectTweet({ text: '@acme hi', authorHandle: 'mo' });
    expect((await fetch(`${sim.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${sim.url}/health/ready`)).status).toBe(200);
    const text = await (await fetch(`${sim.url}/metrics`)).text();
    expect(text).toContain('xsim_tweets_injected_total 1');
    expect(text).toMatch(/xsim_requests_total\{endpoint="GET \/health\/live",status="200"\} 1/);
  });
});
