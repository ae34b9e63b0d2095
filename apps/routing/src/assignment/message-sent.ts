import type { MessageSentV1 } from '@roost/contracts';
import { noteDmLeg } from '../state/brand-state';
import type { RoutingContext } from '../state/routing-context';

/**
 * Folds a brand message into routing: the first response stops the conversation's SLA timer, and a
 * DM sent from a public conversation (move to DM, or an agent's DM) makes it the customer's DM leg,
 * so their DMs join it (`routeMention`). Idempotent and order-independent (earliest first response,
 * latest link). Returns whether anything changed.
 */
export function applyMessageSent(ctx: RoutingContext, ev: MessageSentV1): boolean {
  const conv = ctx.state.byId.get(ev.conversationId);
  if (!conv) return false;
  const at = Date.parse(ev.sentAt) || ctx.now;
  let changed = false;
  if (ev.firstResponse && conv.firstResponseAt === null) {
    conv.firstResponseAt = at;
    changed = true;
  }
  if (ev.channel === 'dm' && conv.channel !== 'dm' && (conv.dmLinkedAt ?? -1) < at) {
    conv.dmLinkedAt = at;
    noteDmLeg(ctx.state, conv);
    changed = true;
  }
  if (changed) ctx.changes.touch(conv);

  return changed;
}
