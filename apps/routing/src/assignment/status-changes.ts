import type { ConversationStatusChangedV1 } from '@roost/contracts';
import { noteDmLeg, noteMergeAlias, threadKeyOf, type Conversation } from '../state/brand-state';
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
  if (ev.mergedIntoId) return applyMerge(ctx, ev, ev.mergedIntoId);
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

/**
 * Issue 13: a conversation merged into another. Its slot is freed as for a resolution (the target
 * keeps its assignee), but it is not remembered as reopenable: its thread key leads to the target
 * from now on (`mergeAliases`, persisted as `merged_into_id`), and so does the customer's DM leg
 * when it pointed at it (the target takes the later link time, so a reload finds the leg there).
 * A redelivery finds the source gone and the alias in place, and changes nothing. A source not in
 * memory at all (resolved beyond its reopen window) is only marked merged in the database.
 */
function applyMerge(ctx: RoutingContext, ev: ConversationStatusChangedV1, targetId: string): boolean {
  const { state } = ctx;
  const at = Date.parse(ev.at) || ctx.now;
  let source: Conversation | undefined = state.byId.get(ev.conversationId);
  let key: string | null = null;
  if (source) {
    key = threadKeyOf(source);
    const queue = state.queues.get(source.queueId);
    if (source.status === 'waiting') queue?.waiting.remove(source);
    const freed = releaseFromAgent(ctx, source);
    const handledBy = freed?.id ?? (source.status === 'snoozed' ? source.assigneeId : null);
    if (handledBy) state.lastAgent.set(source.customerXId, { agentId: handledBy, at });
    source.assigneeId = handledBy;
    if (state.open.get(key) === source) state.open.delete(key);
    state.byId.delete(source.id);
    ctx.changes.resolve(source, at);
    if (freed) drainForAgent(ctx, freed);
  } else {
    for (const [k, conv] of state.recentlyResolved) {
      if (conv.id !== ev.conversationId) continue;
      source = conv;
      key = k;
      state.recentlyResolved.delete(k);
    }
  }
  // A redelivery: already merged here (the source is gone from memory and its thread leads there).
  if (!source && [...state.mergeAliases.values()].includes(targetId)) return false;
  if (key !== null) noteMergeAlias(state, key, ev.conversationId, targetId);
  ctx.changes.merged.set(ev.conversationId, targetId);
  const leg = state.dmLegs.get(source?.customerXId ?? '');
  const target = state.byId.get(targetId);
  if (target) foldIntoTarget(ctx, target, ev, source);
  if (source && leg?.conversationId === source.id && target) {
    if (target.channel !== 'dm' && (target.dmLinkedAt ?? -1) < leg.at) {
      target.dmLinkedAt = leg.at;
      ctx.changes.touch(target);
    }
    state.dmLegs.delete(source.customerXId);
    noteDmLeg(state, target);
  }

  return true;
}

const earliest = (...xs: (number | null | undefined)[]): number | null => {
  const known = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

  return known.length > 0 ? Math.min(...known) : null;
};

/**
 * The target takes the merged case's timing as conversations stores it (docs/architecture.md
 * "Stitching, merge and split"): opened at the earlier opening, first response the earliest of
 * the two (every response of either came after its own opening), the higher priority, and the
 * earlier SLA warning and breach (the timers now run from the earlier opening, so a flag either
 * had still holds and must not fire again). Its place in the waiting list follows.
 */
function foldIntoTarget(
  ctx: RoutingContext,
  target: Conversation,
  ev: ConversationStatusChangedV1,
  source: Conversation | undefined,
): void {
  const sourceOpenedAt = source?.openedAt ?? Date.parse(ev.openedAt);
  const openedAt = earliest(
    target.openedAt,
    sourceOpenedAt,
    ev.targetOpenedAt ? Date.parse(ev.targetOpenedAt) : null,
  );
  if (openedAt !== null) target.openedAt = openedAt;
  if (source) {
    target.firstResponseAt = earliest(target.firstResponseAt, source.firstResponseAt);
    target.priority = Math.max(target.priority, source.priority);
    target.slaWarnedAt = earliest(target.slaWarnedAt, source.slaWarnedAt);
    target.slaBreachedAt = earliest(target.slaBreachedAt, source.slaBreachedAt);
  }
  if (target.status === 'waiting') ctx.state.queues.get(target.queueId)?.waiting.reorder(target);
  ctx.changes.touch(target);
}
