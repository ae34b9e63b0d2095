import type { ConversationStatusChangedV1 } from '@roost/contracts';
import { threadKeyOf, type Conversation } from '../state/brand-state';
import { rememberResolved } from '../state/brand-state.loader';
import type { RoutingContext } from '../state/routing-context';
import { canTakeMore } from './eligibility';
import { assignTo, drainForAgent, drainQueue, enqueue, recordAssignment, releaseFromAgent } from './router';

const stillWaiting = (c: Conversation): boolean => c.status === 'waiting';

/**
 * Folds a conversations-service status change into routing: resolved or snoozed frees the
 * assignee's slot (and pulls the next waiting conversation); a reopened snoozed conversation goes
 * back to its agent if they can take it, else waits. Idempotent: a change already reflected
 * (redelivery) changes nothing. Returns whether anything changed.
 */
export function applyStatusChange(ctx: RoutingContext, ev: ConversationStatusChangedV1): boolean {
  const { state } = ctx;
  const conv = state.byId.get(ev.conversationId);
  // Unknown here: already resolved (a redelivery), or not routed by us. A customer reopening a
  // resolved conversation reaches routing as a mention (routeMention), not as this event.
  if (!conv) return false;
  const at = Date.parse(ev.at) || ctx.now;
  switch (ev.status) {
    case 'resolved':
    case 'snoozed': {
      if (conv.status === ev.status) return false;
      const queue = state.queues.get(conv.queueId);
      if (conv.status === 'waiting') queue?.waiting.remove(conv);
      const agentId = conv.status === 'snoozed' ? conv.assigneeId : null;
      const freed = releaseFromAgent(ctx, conv);
      const handledBy = freed?.id ?? agentId;
      if (handledBy) state.lastAgent.set(conv.customerXId, { agentId: handledBy, at });
      if (ev.status === 'resolved') {
        conv.assigneeId = handledBy;
        const key = threadKeyOf(conv);
        state.open.delete(key);
        state.byId.delete(conv.id);
        ctx.changes.resolve(conv, at);
        rememberResolved(state, conv, at);
      } else {
        conv.status = 'snoozed';
        conv.assigneeId = handledBy; // who to give it back to when it wakes
        ctx.changes.touch(conv);
      }
      if (freed) drainForAgent(ctx, freed);

      return true;
    }
    case 'assigned':
    case 'waiting': {
      if (conv.status !== 'snoozed') return false;
      const previous = conv.assigneeId;
      const agent = previous ? state.agents.get(previous) : undefined;
      conv.assigneeId = null;
      if (agent && agent.queueIds.has(conv.queueId) && canTakeMore(agent, ctx.now)) {
        conv.status = 'waiting';
        assignTo(ctx, conv, agent, conv.translationHint);
        recordAssignment(ctx, conv, {
          reason: 'from_waiting_list',
          previousQueueId: null,
          previousAssigneeId: previous,
        });
      } else {
        enqueue(ctx, conv);
        const queue = state.queues.get(conv.queueId);
        if (queue) drainQueue(ctx, queue);
        // drainQueue may have assigned it (and announced that); otherwise announce the wait.
        if (stillWaiting(conv)) {
          recordAssignment(ctx, conv, {
            reason: 'agent_unavailable',
            previousQueueId: null,
            previousAssigneeId: previous,
          });
        }
      }

      return true;
    }
    default:
      return false;
  }
}
