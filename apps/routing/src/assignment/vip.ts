import type { CustomerUpdatedV1 } from '@roost/contracts';
import type { Conversation } from '../state/brand-state';
import type { RoutingContext } from '../state/routing-context';

/** A mention's priority with the queue's VIP boost when its author is VIP, within 0..100. */
export function withVipBoost(priority: number, vip: boolean, boost: number): number {
  return Math.max(0, Math.min(100, priority + (vip ? boost : 0)));
}

/**
 * A customer's VIP flag changed (conversations' `customer.updated`). An event older than the flag
 * routing holds changes nothing. Made VIP: each of the customer's open conversations gets its
 * queue's boost (capped at 100) and moves up its waiting list; returned for
 * `conversation.priority_changed`. At most once per conversation: one that was open while the
 * customer was last VIP (the last change, to non-VIP, is later than its opening) was boosted then,
 * when it opened or when the flag was set, so an off/on toggle does not raise it again. Both
 * times are stored (`vip_customers.changed_at`, `conversations.opened_at`), so a restart agrees.
 * Made non-VIP: open conversations keep their priority (nothing
 * is lowered under an agent's feet); the next conversations are not boosted.
 */
export function applyVipChange(
  ctx: RoutingContext,
  e: CustomerUpdatedV1,
): Array<{ conv: Conversation; previous: number }> {
  const { state } = ctx;
  const at = Date.parse(e.at);
  const known = state.vips.get(e.xUserId);
  if (known && known.at >= at) return [];
  state.vips.set(e.xUserId, { vip: e.vip, at });
  ctx.changes.vip(e.xUserId, e.vip, at);
  if (!e.vip || known?.vip) return [];
  // Not VIP since `known.at`; VIP before it (or never VIP when nothing is known).
  const vipUntil = known?.at ?? Number.NEGATIVE_INFINITY;
  const raised: Array<{ conv: Conversation; previous: number }> = [];
  for (const conv of state.byId.values()) {
    if (conv.customerXId !== e.xUserId) continue;
    if (vipUntil > conv.openedAt) continue; // boosted in this opening already
    const queue = state.queues.get(conv.queueId);
    const priority = withVipBoost(conv.priority, true, queue?.vipPriorityBoost ?? 0);
    if (priority === conv.priority) continue;
    raised.push({ conv, previous: conv.priority });
    conv.priority = priority;
    if (conv.status === 'waiting') queue?.waiting.reorder(conv);
    ctx.changes.touch(conv);
  }

  return raised;
}
