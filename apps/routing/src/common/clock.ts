/**
 * Time as routing sees it (STYLE.md practice 23): shifts, business hours and SLA timers read the
 * injected clock, never `Date.now()`, so tests can stand on a DST edge or jump past a breach.
 */
export abstract class Clock {
  /** Epoch milliseconds. */
  abstract now(): number;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
