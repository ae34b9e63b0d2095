/** Whether one more attempt or operation may go ahead, and if not, when to retry. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before a sweep drops the full ones (a full bucket is the same as no bucket). */
const SWEEP_AT = 50_000;

/**
 * One token bucket per key, in memory: `burst` tokens at most, refilled at `perSecond`; each
 * operation takes one. Refill is computed on use (no timers). Hand-written because the libraries
 * that fit in memory (rate-limiter-flexible's RateLimiterMemory) count fixed windows, which let a
 * caller send twice the burst across a window edge; a bucket is a few lines.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: { perSecond: number; burst: number },
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateVerdict {
    const { perSecond, burst } = this.opts;
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
    if (tokens < 1) {
      if (bucket) Object.assign(bucket, { tokens, at: now });

      return { allowed: false, retryAfterMs: Math.ceil(((1 - tokens) / perSecond) * 1000) };
    }
    if (bucket) Object.assign(bucket, { tokens: tokens - 1, at: now });
    else this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > SWEEP_AT) this.sweep(now);

    return { allowed: true };
  }

  /** Returns a token taken for work that turned out not to count (a valid API key's lookup). */
  giveBack(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.opts.burst, bucket.tokens + 1);
  }

  private sweep(now: number): void {
    const { perSecond, burst } = this.opts;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    }
  }
}
