import { Clock } from '@roost/platform';

/** A clock tests move by hand (give it to a service's harness in place of the system's). */
export class ManualClock extends Clock {
  private t: number;

  constructor(start: string | number = Date.now()) {
    super();
    this.t = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.t;
  }

  set(at: string | number): void {
    this.t = typeof at === 'string' ? Date.parse(at) : at;
  }

  advanceMinutes(minutes: number): void {
    this.t += minutes * 60_000;
  }
}
