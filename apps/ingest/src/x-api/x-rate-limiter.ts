import { parseRateLimitHeaders, type XRateLimit } from '@roost/x-client';

type HeaderBag = Record<string, string | string[] | number | undefined>;

interface Window {
  remaining: number;
  /** Epoch ms. */
  resetAt: number;
  blockedUntil: number;
}

/** `GET /2/users/123/mentions` → `GET /2/users/:id/mentions`: one window per route, like X's. */
export function endpointKey(method: string, pathname: string): string {
  const path = pathname
    .replace(/\/+$/, '')
    .split('/')
    .map((seg, i) => (i > 1 && /^[0-9]+$/.test(seg) ? ':id' : seg)) // keep the /2/ version
    .join('/');

  return `${method.toUpperCase()} ${path}`;
}

/**
 * Our own limiter (twitter-api-v2 records limits but never waits): one window per endpoint and
 * token, fed by every response's `x-rate-limit-*` headers. A source asks `waitMs` before calling
 * and skips its turn while it is positive, so we never spend a request X would refuse.
 * In memory per replica: each replica holds its own token's windows (see the report: shared
 * windows across replicas of the same token are still to do).
 */
export class XRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: () => number = Date.now) {}

  private key(endpoint: string, token: string): string {
    return `${endpoint}\u0000${token}`;
  }

  /** Milliseconds until a call to this endpoint with this token may go out (0 = now). */
  waitMs(endpoint: string, token: string): number {
    const w = this.windows.get(this.key(endpoint, token));
    if (!w) return 0;
    const now = this.clock();
    if (w.blockedUntil > now) return w.blockedUntil - now;
    if (w.remaining <= 0 && w.resetAt > now) return w.resetAt - now;

    return 0;
  }

  /** Every response, success or error, carries the window: keep it. */
  observe(opts: {
    endpoint: string;
    token: string;
    headers: HeaderBag;
    status: number;
  }): XRateLimit | undefined {
    const limit = parseRateLimitHeaders(opts.headers);
    const k = this.key(opts.endpoint, opts.token);
    const w = this.windows.get(k) ?? { remaining: Number.POSITIVE_INFINITY, resetAt: 0, blockedUntil: 0 };
    if (limit) {
      w.remaining = limit.remaining;
      w.resetAt = limit.reset * 1000;
    }
    if (opts.status === 429) {
      // No reset header: X's documented floor for 429 back-off is a minute.
      w.blockedUntil = Math.max(w.blockedUntil, limit ? limit.reset * 1000 : this.clock() + 60_000);
    } else if (opts.status >= 500) {
      w.blockedUntil = Math.max(w.blockedUntil, this.clock() + 5000);
    }
    this.windows.set(k, w);

    return limit;
  }

  snapshot(): Array<{
    endpoint: string;
    token: string;
    remaining: number;
    resetAt: number;
    blockedUntil: number;
  }> {
    return [...this.windows.entries()].map(([k, w]) => {
      const [endpoint = '', token = ''] = k.split('\u0000');

      return { endpoint, token, ...w };
    });
  }
}
