import { XBudget } from './x-budget';

describe('XBudget', () => {
  // Day 10 of a 30-day month at 00:00 UTC: a third of the month gone.
  const now = Date.UTC(2026, 10, 11);
  const clock = () => now;

  it('forecasts the month from the spend so far', () => {
    const b = new XBudget(3000, clock);
    b.record('b1', 400);
    b.record('b1', 600);
    expect(b.state('b1').spent).toBe(1000);
    expect(b.state('b1').forecast).toBeCloseTo(3000, 0);
  });

  it('slows low-value sources first, pauses them at 80%, and only slows high-value ones', () => {
    const b = new XBudget(3000, clock);
    b.record('b1', 900); // forecast 2,700: within budget
    expect(b.slowdown('b1', 'low')).toBe(1);
    expect(b.slowdown('b1', 'high')).toBe(1);
    b.record('b1', 600); // forecast 4,500
    expect(b.slowdown('b1', 'low')).toBeGreaterThan(1);
    expect(b.slowdown('b1', 'high')).toBe(1);
    b.record('b1', 1000); // 2,500 spent: 83%
    expect(b.slowdown('b1', 'low')).toBe(Number.POSITIVE_INFINITY);
    expect(b.slowdown('b1', 'high')).toBe(2);
    b.record('b1', 600);
    expect(b.slowdown('b1', 'high')).toBe(16);
    expect(Number.isFinite(b.slowdown('b1', 'high'))).toBe(true);
  });

  it('keeps brands apart, ignores an unset budget, and starts again each month', () => {
    let t = now;
    const b = new XBudget(100, () => t);
    b.record('b1', 100);
    expect(b.slowdown('b2', 'low')).toBe(1);
    expect(new XBudget(0, clock).slowdown('b1', 'low')).toBe(1);
    t = Date.UTC(2026, 11, 1, 1);
    expect(b.state('b1').spent).toBe(0);
    expect(b.currentMonth).toBe('2026-12');
  });
});
