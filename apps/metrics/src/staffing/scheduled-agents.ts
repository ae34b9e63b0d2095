import { DateTime } from 'luxon';

export interface AgentShifts {
  timezone: string;
  /** ISO weekday and local HH:MM; an end at or before the start crosses midnight. */
  shifts: ReadonlyArray<{ day: number; start: string; end: string }>;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function onShift(a: AgentShifts, local: DateTime): boolean {
  const m = local.hour * 60 + local.minute;
  const prevDay = local.weekday === 1 ? 7 : local.weekday - 1;

  return a.shifts.some((s) => {
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (end > start) return s.day === local.weekday && m >= start && m < end;

    return (s.day === local.weekday && m >= start) || (s.day === prevDay && m < end);
  });
}

/**
 * Agents on shift at the start (+30 min, so a shift starting or ending on the half hour counts
 * where it covers most of the hour) of each hour of a reference week in the viewer's `zone`,
 * each agent's shifts read in their own timezone. Leave and holidays are not counted (they are
 * dated, the advice is for a typical week).
 */
export function scheduledPerHourOfWeek(
  agents: readonly AgentShifts[],
  opts: { zone: string; weekOf: Date },
): number[] {
  const monday = DateTime.fromJSDate(opts.weekOf, { zone: opts.zone }).startOf('week');

  return Array.from({ length: 168 }, (_, how) => {
    const at = monday.plus({ hours: how, minutes: 30 });

    return agents.filter((a) => onShift(a, at.setZone(a.timezone))).length;
  });
}
