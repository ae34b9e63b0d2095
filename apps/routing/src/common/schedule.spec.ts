import { nextOpening, withinWeekly } from './schedule';

const at = (iso: string): number => Date.parse(iso);

describe('weekly schedules in the owner’s IANA timezone', () => {
  // Sunday 2024-03-10 is the US spring-forward day; Sunday 2024-11-03 the fall-back day.
  const ny = {
    zone: 'America/New_York',
    slots: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '09:00', end: '17:00' })),
  };

  it('follows the wall clock across the spring DST change (09:00 EST = 14:00Z, 09:00 EDT = 13:00Z)', () => {
    expect(withinWeekly({ ...ny, now: at('2024-03-09T13:30:00Z') })).toBe(false); // 08:30 EST
    expect(withinWeekly({ ...ny, now: at('2024-03-09T14:30:00Z') })).toBe(true); // 09:30 EST
    expect(withinWeekly({ ...ny, now: at('2024-03-10T13:30:00Z') })).toBe(true); // 09:30 EDT
    expect(withinWeekly({ ...ny, now: at('2024-03-10T12:30:00Z') })).toBe(false); // 08:30 EDT
    expect(withinWeekly({ ...ny, now: at('2024-03-10T20:59:00Z') })).toBe(true); // 16:59 EDT
    expect(withinWeekly({ ...ny, now: at('2024-03-10T21:00:00Z') })).toBe(false); // 17:00 EDT
  });

  it('follows the wall clock across the autumn DST change', () => {
    expect(withinWeekly({ ...ny, now: at('2024-11-02T13:30:00Z') })).toBe(true); // 09:30 EDT
    expect(withinWeekly({ ...ny, now: at('2024-11-03T13:30:00Z') })).toBe(false); // 08:30 EST
    expect(withinWeekly({ ...ny, now: at('2024-11-03T14:30:00Z') })).toBe(true); // 09:30 EST
  });

  it('a night shift crosses midnight in the agent’s timezone and belongs to the day it started', () => {
    // Seoul (UTC+9): Friday 22:00 to Saturday 06:00 local.
    const seoul = { zone: 'Asia/Seoul', slots: [{ day: 5, start: '22:00', end: '06:00' }] };
    expect(withinWeekly({ ...seoul, now: at('2024-06-07T12:59:00Z') })).toBe(false); // Fri 21:59
    expect(withinWeekly({ ...seoul, now: at('2024-06-07T13:00:00Z') })).toBe(true); // Fri 22:00
    expect(withinWeekly({ ...seoul, now: at('2024-06-07T20:30:00Z') })).toBe(true); // Sat 05:30
    expect(withinWeekly({ ...seoul, now: at('2024-06-07T21:00:00Z') })).toBe(false); // Sat 06:00
    // Friday 22:00 local is still Friday 13:00Z: the UTC date is not the agent's date.
    expect(withinWeekly({ ...seoul, now: at('2024-06-08T13:30:00Z') })).toBe(false); // Sat 22:30
    // Leave on the Friday covers the whole night; leave on the Saturday does not.
    expect(
      withinWeekly({
        ...seoul,
        exceptions: [{ from: '2024-06-07', to: '2024-06-07', kind: 'leave' }],
        now: at('2024-06-07T20:30:00Z'),
      }),
    ).toBe(false);
    expect(
      withinWeekly({
        ...seoul,
        exceptions: [{ from: '2024-06-08', to: '2024-06-08', kind: 'holiday' }],
        now: at('2024-06-07T20:30:00Z'),
      }),
    ).toBe(true);
  });

  it('holidays close the day; no slots means always open', () => {
    const hol = [{ from: '2024-12-25', to: '2024-12-25', kind: 'holiday' as const }];
    expect(withinWeekly({ ...ny, exceptions: hol, now: at('2024-12-25T15:00:00Z') })).toBe(false);
    expect(withinWeekly({ ...ny, exceptions: hol, now: at('2024-12-26T15:00:00Z') })).toBe(true);
    expect(withinWeekly({ zone: 'UTC', slots: [], now: at('2024-12-25T03:00:00Z') })).toBe(true);
  });

  it('tells when a closed schedule opens next, in UTC', () => {
    const weekdays = {
      zone: 'Europe/Paris',
      slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
    };
    // Saturday 2024-03-30 noon Paris; Monday 2024-04-01 08:00 CEST (after the 31 March change) = 06:00Z.
    expect(nextOpening({ ...weekdays, now: at('2024-03-30T11:00:00Z') })).toBe(at('2024-04-01T06:00:00Z'));
  });
});
