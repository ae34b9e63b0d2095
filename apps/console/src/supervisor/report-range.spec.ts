import { formatDuration, hourOfWeek, lastDays, localDate } from './report-range';

describe('report ranges in the agent’s timezone', () => {
  const at = new Date('2026-03-09T23:30:00Z'); // Monday 23:30 UTC = Tuesday 00:30 in Amsterdam

  it('dates a range by local days, with an exclusive end', () => {
    expect(localDate(at, 'Europe/Amsterdam')).toBe('2026-03-10');
    expect(lastDays(7, at, 'Europe/Amsterdam')).toEqual({
      from: '2026-03-04',
      to: '2026-03-11',
      timezone: 'Europe/Amsterdam',
    });
  });

  it('finds the heatmap cell of an instant', () => {
    expect(hourOfWeek(at, 'Europe/Amsterdam')).toEqual({ day: 2, hour: 0 });
    expect(hourOfWeek(at, 'America/New_York')).toEqual({ day: 1, hour: 19 });
    expect(hourOfWeek(new Date('2026-03-15T12:00:00Z'), 'UTC')).toEqual({ day: 7, hour: 12 });
  });

  it('writes durations compactly', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(4800)).toBe('1h 20m');
  });
});
