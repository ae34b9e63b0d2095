/** Used until a queue has a measured handle time (brands answer in ~19 min, PERFORMANCE.md). */
export const DEFAULT_HANDLE_SECONDS = 20 * 60;

export interface WaitInput {
  /** Conversations waiting in the queue (latest snapshot). */
  waiting: number;
  /** Conversation slots of the online agents of the queue (Σ capacity). */
  slots: number;
  /** Slots free now (Σ capacity − load). */
  free: number;
  handleSeconds: number;
}

/**
 * Expected wait of a new arrival: the free slots take the first arrivals at once; after that the
 * staffed slots turn over once per mean handle time, so the (waiting − free + 1)-th in line waits
 * that many turnovers of 1/slots of a handle time. Null when nobody staffs the queue (unbounded).
 */
export function expectedWaitSeconds(i: WaitInput): number | null {
  if (i.slots <= 0) return null;
  if (i.waiting < i.free) return 0;

  return ((i.waiting - i.free + 1) * i.handleSeconds) / i.slots;
}
