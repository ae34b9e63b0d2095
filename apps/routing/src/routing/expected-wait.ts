import { canTakeMore, isOnShift, isQueueOpen } from './eligibility';
import type { QueueState } from './routing-state';

/** Used until a queue has seen a resolution (brands answer in ~19 min, PERFORMANCE.md). */
export const DEFAULT_HANDLE_MS = 20 * 60_000;

/**
 * Expected wait for the conversation at `position` (0 = next) of a queue: slots free now serve the
 * first ones at once; after that the staffed slots turn over once per average handle time.
 * Null when nobody staffs the queue now (or it is closed): the wait is then unbounded.
 */
export function expectedWaitMs(queue: QueueState, now: number, position = queue.waiting.size): number | null {
  if (!isQueueOpen(queue, now)) return null;
  let slots = 0;
  let free = 0;
  for (const a of queue.members) {
    if (a.status !== 'online' || !isOnShift(a, now)) continue;
    slots += a.capacity;
    if (canTakeMore(a, now)) free += a.capacity - a.active;
  }
  if (slots === 0) return null;
  if (position < free) return 0;
  const handle = queue.handleMsEwma ?? DEFAULT_HANDLE_MS;

  return Math.round(((position - free + 1) * handle) / slots);
}
