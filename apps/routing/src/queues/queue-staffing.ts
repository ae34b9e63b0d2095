import type { QueueStaffing } from '@roost/contracts';
import { canTakeMore, isOnShift, isQueueOpen } from '../assignment/eligibility';
import type { QueueState } from '../state/brand-state';

/**
 * A queue's staffing now, with the same rules routing assigns by: agents count when online and on
 * shift in their own timezone; free slots are each agent's capacity left (per-channel limits
 * depend on the next conversation's channel, so they are not counted); a queue outside its
 * business hours is closed. Metrics turns it into the expected wait with recent handle times
 * (apps/metrics/src/wait), so the figure has one owner and one formula.
 */
export function queueStaffing(queue: QueueState, now: number): QueueStaffing {
  let agentsOnline = 0;
  let slots = 0;
  let free = 0;
  for (const a of queue.members) {
    if (a.status !== 'online' || !isOnShift(a, now)) continue;
    agentsOnline++;
    slots += a.capacity;
    if (canTakeMore(a, now)) free += Math.max(0, a.capacity - a.active);
  }

  return {
    queueId: queue.id,
    open: isQueueOpen(queue, now),
    waiting: queue.waiting.size,
    agentsOnline,
    slots,
    free,
  };
}
