import { endpointKey, XRateLimiter } from './x-rate-limiter';

describe('XRateLimiter', () => {
  let now = 1_700_000_000_000;
  const clock = () => now;
  const headers = (remaining: number, resetS: number) => ({
    'x-rate-limit-limit': '450',
    'x-rate-limit-remaining': String(remaining),
    'x-rate-limit-reset': String(resetS),
  });

  it('keys windows by route (ids folded) and token', () => {
    expect(endpointKey('get', '/2/users/123456/mentions')).toBe('GET /2/users/:id/mentions');
    const l = new XRateLimiter(clock);
    l.observe({
      endpoint: 'GET /2/users/:id/mentions',
      token: 'app',
      headers: headers(0, now / 1000 + 60),
      status: 200,
    });
    expect(l.waitMs('GET /2/users/:id/mentions', 'app')).toBe(60_000);
    expect(l.waitMs('GET /2/users/:id/mentions', 'user:acme')).toBe(0);
    expect(l.waitMs('GET /2/tweets/search/recent', 'app')).toBe(0);
  });

  it('waits for x-rate-limit-reset after a 429, and not after it', () => {
    const l = new XRateLimiter(clock);
    l.observe({ endpoint: 'E', token: 'app', headers: headers(3, now / 1000 + 5), status: 429 });
    expect(l.waitMs('E', 'app')).toBe(5000);
    now += 5000;
    expect(l.waitMs('E', 'app')).toBe(0);
  });

  it('backs off a minute on a 429 without headers and 5 s on a 5xx', () => {
    const l = new XRateLimiter(clock);
    l.observe({ endpoint: 'E', token: 'app', headers: {}, status: 429 });
    expect(l.waitMs('E', 'app')).toBe(60_000);
    l.observe({ endpoint: 'F', token: 'app', headers: {}, status: 503 });
    expect(l.waitMs('F', 'app')).toBe(5000);
  });

  it('lets calls through while the window has requests left', () => {
    const l = new XRateLimiter(clock);
    l.observe({ endpoint: 'E', token: 'app', headers: headers(1, now / 1000 + 900), status: 200 });
    expect(l.waitMs('E', 'app')).toBe(0);
  });
});
