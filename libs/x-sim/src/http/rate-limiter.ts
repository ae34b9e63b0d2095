export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  allowed: boolean;
}

/** Fixed windows per endpoint per token, like X's `x-rate-limit-*` accounting. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly limits: Record<string, number>,
    private readonly fallback: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  consume(endpoint: string, token: string): RateLimitState {
    const now = this.clock();
    const limit = this.limits[endpoint] ?? this.fallback;
    const id = `${endpoint}\u0000${token}`;
    let w = this.windows.get(id);
    if (!w || now >= w.start + this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(id, w);
    }
    const allowed = w.used < limit;
    if (allowed) {
      w.used += 1;
    }

    return {
      limit,
      remaining: Math.max(0, limit - w.used),
      reset: Math.ceil((w.start + this.windowMs) / 1000),
      allowed,
    };
  }

  setLimit(endpoint: string, limit: number): void {
    this.limits[endpoint] = limit;
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(
  s: Pick<RateLimitState, 'limit' | 'remaining' | 'reset'>,
): Record<string, string> {
  return {
    'x-rate-limit-limit': String(s.limit),
    'x-rate-limit-remaining': String(s.remaining),
    'x-rate-limit-reset': String(s.reset),
  };
}
