import { Clock } from '../common/clock';

/** A clock tests move by hand. */
export class ManualClock extends Clock {
  private t: number;

  constructor(start: string | number) {
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
