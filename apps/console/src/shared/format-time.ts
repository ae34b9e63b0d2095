import { createContext, useContext } from 'react';

/**
 * Every time the console shows is in the agent's own timezone (`me.timezone`), not the browser's:
 * an agent may sit anywhere while working a New York shift. This file is the one place that turns
 * instants into words; components take the zone from `useAgentTimeZone()`.
 */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A zone Intl accepts, else the browser's (a bad value must never blank the screen). */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return browserTimeZone();
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone;
  } catch {
    return browserTimeZone();
  }
}

/** Provided by the app shell from the `me` query; the browser's zone until it answers. */
export const AgentTimeZoneContext = createContext<string>(browserTimeZone());

export function useAgentTimeZone(): string {
  return useContext(AgentTimeZoneContext);
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(kind: 'time' | 'seconds' | 'dateTime' | 'day', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      time: { hour: '2-digit', minute: '2-digit' },
      seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
      dateTime: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      day: { year: 'numeric', month: '2-digit', day: '2-digit' },
    };
    f = new Intl.DateTimeFormat(kind === 'day' ? 'en-CA' : undefined, { ...options[kind], timeZone });
    cache.set(key, f);
  }
  return f;
}

/** YYYY-MM-DD of an instant in a timezone. */
export function formatDay(at: Date | number, timeZone: string): string {
  return fmt('day', timeZone).format(at);
}

/** "14:05" today, "Mar 9, 14:05" on another day; "today" is the calendar day in `timeZone`. */
export function formatClock(iso: string, timeZone: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const sameDay = fmt('day', timeZone).format(d) === fmt('day', timeZone).format(now);
  return (sameDay ? fmt('time', timeZone) : fmt('dateTime', timeZone)).format(d);
}

/** "14:05:09", for chart axes that move by the second. */
export function formatClockSeconds(atMs: number, timeZone: string): string {
  return fmt('seconds', timeZone).format(atMs);
}

/** "Mar 9, 14:05" whatever the day, for tooltips. */
export function formatDateTime(iso: string, timeZone: string): string {
  return fmt('dateTime', timeZone).format(new Date(iso));
}

/** Compact age for queues and lists: "just now", "45s", "12m", "3h 5m", "2d 4h". */
export function formatAge(fromIso: string, nowMs: number): string {
  const s = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}
