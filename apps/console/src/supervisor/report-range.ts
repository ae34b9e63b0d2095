import type { ReportRange } from '../graphql/generated';
import { formatDay } from '../shared/format-time';

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an instant in a timezone (the agent's by default). */
export function localDate(at: Date, timeZone: string): string {
  return formatDay(at, timeZone);
}

/** The last `days` whole local days, today included (`to` is exclusive: tomorrow). */
export function lastDays(days: number, now: Date, timeZone: string): ReportRange {
  return {
    from: localDate(new Date(now.getTime() - (days - 1) * DAY_MS), timeZone),
    to: localDate(new Date(now.getTime() + DAY_MS), timeZone),
    timezone: timeZone,
  };
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** ISO weekday (1 = Monday) and hour 0-23 of an instant in a timezone: a heatmap cell's address. */
export function hourOfWeek(at: Date, timeZone: string): { day: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const day = WEEKDAY[parts.find((p) => p.type === 'weekday')?.value ?? ''] ?? 1;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return { day, hour };
}

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "45s", "3m 05s", "1h 20m": durations from the API (seconds), or "—" when none qualify. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
