import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const buckets = () => new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst, then refuses with the time until the next token', () => {
    const b = buckets();

    expect([b.take('u'), b.take('u'), b.take('u')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    expect(b.take('u')).toEqual({ allowed: false, retryAfterMs: 500 });
    now += 200;
    expect(b.take('u')).toEqual({ allowed: false, retryAfterMs: 300 });
  });

  it('refills at the configured rate, never above the burst', () => {
    const b = buckets();
    for (let i = 0; i < 3; i++) b.take('u');
    now += 500;

    expect(b.take('u')).toEqual({ allowed: true });
    expect(b.take('u').allowed).toBe(false);
    now += 60_000;
    const afterIdle = [b.take('u'), b.take('u'), b.take('u'), b.take('u')].map((v) => v.allowed);
    expect(afterIdle).toEqual([true, true, true, false]);
  });

  it('keeps callers apart', () => {
    const b = buckets();
    for (let i = 0; i < 3; i++) b.take('a');

    expect(b.take('a').allowed).toBe(false);
    expect(b.take('b').allowed).toBe(true);
  });
});
