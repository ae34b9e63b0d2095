/**
 * When each key (a brand's search, an account's DMs) is next due. A poll loop ticks at the base
 * interval; a key whose interval is stretched (budget running low) or blocked (rate limit) waits
 * its turn without holding the others up.
 */
export class DueSchedule {
  private readonly next = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  isDue(key: string): boolean {
    return (this.next.get(key) ?? 0) <= this.clock();
  }

  /** Next turn in `intervalMs` (Infinity: not again until `reset`). */
  done(key: string, intervalMs: number): void {
    this.next.set(key, Number.isFinite(intervalMs) ? this.clock() + intervalMs : Number.POSITIVE_INFINITY);
  }

  /** Not before `atMs` (e.g. the rate-limit reset). */
  notBefore(key: string, atMs: number): void {
    this.next.set(key, Math.max(this.next.get(key) ?? 0, atMs));
  }

  reset(): void {
    this.next.clear();
  }
}
