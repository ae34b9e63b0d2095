import { Clock } from '../common/clock';

/** A clock tests move by hand. */
export class ManualClock extends Clock {
  private t: number;

  constructor(start: string | number = Date.now()) {
    super();
    this.t = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.t;
  }

  advanceMinutes(minutes: number): void {
    this.t += minutes * 60_000;
  }
}
