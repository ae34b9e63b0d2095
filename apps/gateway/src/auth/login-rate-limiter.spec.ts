import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('allows maxAttempts per window per key, then tells how long to wait', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter({ maxAttempts: 3, windowMs: 60_000 }, () => now);

    expect([1, 2, 3].map(() => limiter.hit('ana@example.com|10.0.0.1').allowed)).toEqual([true, true, true]);
    expect(limiter.hit('ana@example.com|10.0.0.1')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.hit('ana@example.com|10.0.0.2').allowed).toBe(true);

    now += 30_000;
    expect(limiter.hit('ana@example.com|10.0.0.1')).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_001;
    expect(limiter.hit('ana@example.com|10.0.0.1').allowed).toBe(true);
  });
});
