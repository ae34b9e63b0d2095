import { DateTime } from 'luxon';

/** One weekly interval in local wall time: ISO weekday (1 = Monday), `HH:mm` to `HH:mm`. An end at or
 *  before the start crosses midnight into the next day (22:00-06:00). */
export interface WeeklySlot {
  day: number;
  start: string;
  end: string;
}

/** Whole local days (inclusive, `yyyy-MM-dd` in the owner's timezone) without work: leave, holidays. */
export interface ScheduleException {
  from: string;
  to: string;
  kind: 'leave' | 'holiday';
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');

  return Number(h) * 60 + Number(m);
}

/**
 * Whether `now` falls inside one of the weekly slots, read in `zone`'s wall time (luxon resolves
 * DST: a 09:00 shift in New York starts at 14:00Z in winter and 13:00Z in summer). No slots means
 * always (an agent or queue without a schedule is never excluded by it).
 */
export function withinWeekly(input: {
  slots: readonly WeeklySlot[];
  exceptions?: readonly ScheduleException[];
  zone: string;
  now: number;
}): boolean {
  if (input.slots.length === 0) return !isExceptionDay(input);
  const local = DateTime.fromMillis(input.now, { zone: input.zone });
  if (!local.isValid) return false;
  const day = local.weekday;
  const yesterday = day === 1 ? 7 : day - 1;
  const m = local.hour * 60 + local.minute;
  let inside = false;
  let startedYesterday = false;
  for (const s of input.slots) {
    const start = minutes(s.start);
    const end = minutes(s.end);
    const overnight = end <= start;
    if (s.day === day && (overnight ? m >= start : m >= start && m < end)) inside = true;
    else if (overnight && s.day === yesterday && m < end) {
      inside = true;
      startedYesterday = true;
    }
    if (inside) break;
  }
  if (!inside) return false;
  // A shift that began before midnight belongs to the day it started: leave on that day covers it.
  const shiftDay = startedYesterday ? local.minus({ days: 1 }) : local;

  return !isExceptionDay({ ...input, now: shiftDay.toMillis() });
}

function isExceptionDay(input: {
  exceptions?: readonly ScheduleException[];
  zone: string;
  now: number;
}): boolean {
  if (!input.exceptions?.length) return false;
  const date = DateTime.fromMillis(input.now, { zone: input.zone }).toISODate();
  if (!date) return false;

  return input.exceptions.some((e) => e.from <= date && date <= e.to);
}

/** The next instant (epoch ms) the schedule opens after `now`, scanning up to two weeks; null if never. */
export function nextOpening(input: {
  slots: readonly WeeklySlot[];
  exceptions?: readonly ScheduleException[];
  zone: string;
  now: number;
}): number | null {
  if (withinWeekly(input)) return input.now;
  const local = DateTime.fromMillis(input.now, { zone: input.zone });
  let best: number | null = null;
  for (let d = 0; d <= 14 && best === null; d++) {
    const date = local.plus({ days: d }).startOf('day');
    for (const s of input.slots) {
      if (s.day !== date.weekday) continue;
      const [h, m] = s.start.split(':');
      const at = date.set({ hour: Number(h), minute: Number(m) }).toMillis();
      if (at > input.now && withinWeekly({ ...input, now: at }) && (best === null || at < best)) best = at;
    }
  }

  return best;
}
