import { TWITTER_EPOCH_MS } from '../x-sim.constants';

/**
 * Snowflake-like ids: (ms since X's epoch) << 22 | sequence. Strictly increasing within one
 * process even when the clock stalls or steps back, so `since_id` / `until_id` behave as on X.
 */
export class SnowflakeIdGenerator {
  private last = 0n;

  constructor(private readonly clock: () => number = Date.now) {}

  next(): string {
    const candidate = (BigInt(this.clock()) - TWITTER_EPOCH_MS) << 22n;
    this.last = candidate > this.last ? candidate : this.last + 1n;

    return this.last.toString();
  }

  /** The time encoded in an id (for tests and `start_time` filters). */
  static timeOf(id: string): number {
    return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);
  }

  /** The smallest id that could have been minted at `ms`. */
  static floorForTime(ms: number): string {
    return ((BigInt(ms) - TWITTER_EPOCH_MS) << 22n).toString();
  }
}

/** Numeric-string comparison for snowflake ids of any length. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) {
    return a.length - b.length;
  }

  return a < b ? -1 : a > b ? 1 : 0;
}
