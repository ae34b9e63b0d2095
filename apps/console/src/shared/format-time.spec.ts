import { formatClock, formatClockSeconds, safeTimeZone } from './format-time';

describe('formatClock in the agent’s zone', () => {
  const at = '2026-03-09T23:30:00Z';

  it('shows the wall clock of the agent’s zone, not the machine’s', () => {
    expect(formatClock(at, 'America/New_York', new Date('2026-03-09T23:40:00Z'))).toMatch(/19:30|07:30\s?PM/);
    expect(formatClock(at, 'Asia/Seoul', new Date('2026-03-09T23:40:00Z'))).toMatch(/08:30|08:30\s?AM/);
    expect(formatClockSeconds(Date.parse(at), 'UTC')).toMatch(/23:30:00|11:30:00\s?PM/);
  });

  it('decides "today" by the calendar of the agent’s zone', () => {
    const now = new Date('2026-03-09T23:40:00Z'); // Mar 9 in New York, Mar 10 in Seoul
    expect(formatClock('2026-03-09T12:00:00Z', 'America/New_York', now)).not.toContain('Mar');
    expect(formatClock('2026-03-09T12:00:00Z', 'Asia/Seoul', now)).toContain('Mar 9');
  });

  it('falls back to the browser’s zone for a value Intl does not know', () => {
    expect(safeTimeZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(safeTimeZone('Mars/Base')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(safeTimeZone(undefined)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
