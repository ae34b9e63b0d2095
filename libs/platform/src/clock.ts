import { Global, Module, type DynamicModule } from '@nestjs/common';

/**
 * Time as a service's timers see it (STYLE.md practice 23): shifts, business hours, SLA timers and
 * snooze wake-ups read the injected clock, never `Date.now()`, so tests can stand on a DST edge or
 * jump past a breach or a snooze without waiting (`ManualClock` in `@roost/testing`).
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

/** The service's one clock for every module: the system's, or the one a test moves by hand. */
@Global()
@Module({})
export class ClockModule {
  static forClock(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
