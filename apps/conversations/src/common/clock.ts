/**
 * Time as conversations' timers see it (STYLE.md practice 23): the snooze wake-up reads the
 * injected clock, never `Date.now()`, so tests can jump past a snooze without waiting for it.
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
