import { LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MS } from '../common/limits/limits.constants';
import type { RateVerdict } from '../common/limits/token-buckets';

/** Keys kept before a sweep of stale ones runs (bounds memory under a spray of e-mails). */
const SWEEP_AT = 10_000;

/**
 * Sliding-window limiter for login attempts, keyed by e-mail + client IP. In memory, per gateway
 * instance: with N replicas behind a balancer a client gets at most N × the limit. A shared limit
 * would need a NATS KV bucket; routing's constant-time password check is the second line.
 */
export class LoginRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly opts: { maxAttempts: number; windowMs: number } = {
      maxAttempts: LOGIN_MAX_ATTEMPTS,
      windowMs: LOGIN_WINDOW_MS,
    },
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateVerdict {
    const now = this.now();
    const since = now - this.opts.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.opts.maxAttempts) {
      this.hits.set(key, recent);

      return { allowed: false, retryAfterMs: (recent[0] ?? now) + this.opts.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > SWEEP_AT) this.sweep(since);

    return { allowed: true };
  }

  private sweep(since: number): void {
    for (const [key, times] of this.hits) {
      if ((times[times.length - 1] ?? 0) <= since) this.hits.delete(key);
    }
  }
}
