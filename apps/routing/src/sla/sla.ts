import { canTakeMore, isQueueOpen, pickAgent } from '../assignment/eligibility';
import { moveToAgent, moveToQueue } from '../assignment/manual-actions';
import { drainQueue, pruneRecentlyResolved } from '../assignment/router';
import type { Conversation, QueueState } from '../state/brand-state';
import type { SlaAlert } from '../state/change-set';
import type { RoutingContext } from '../state/routing-context';

const MINUTE = 60_000;

/** First-response target for a priority: the target with the highest `minPriority` it reaches. */
export function slaMinutes(queue: QueueState, priority: number): number | null {
  let best: { minPriority: number; minutes: number } | null = null;
  for (const t of queue.slaTargets) {
    if (priority >= t.minPriority && (!best || t.minPriority > best.minPriority)) best = t;
  }

  return best?.minutes ?? null;
}

export function slaDeadline(queue: QueueState, conv: Conversation): number | null {
  const minutes = slaMinutes(queue, conv.priority);

  return minutes === null ? null : conv.openedAt + minutes * MINUTE;
}

/**
 * One pass of the SLA timers over the brand's open conversations still awaiting a first answer:
 * before breach (warn ratio of the target) raise priority and alert; at breach reassign to another
 * eligible agent or escalate to the queue's escalation queue, per the queue's policy. Timers are
 * computed from the conversation's open time, so a pass that runs late still acts once.
 */
export function sweepSla(ctx: RoutingContext): void {
  const { state, now } = ctx;
  for (const conv of [...state.byId.values()]) {
    if (conv.firstResponseAt !== null || conv.status === 'snoozed') continue;
    const queue = state.queues.get(conv.queueId);
    if (!queue) continue;
    const deadline = slaDeadline(queue, conv);
    if (deadline === null) continue;
    const target = deadline - conv.openedAt;
    if (conv.slaWarnedAt === null && now >= conv.openedAt + target * queue.slaWarnRatio) {
      conv.slaWarnedAt = now;
      const warnedFrom = conv.priority;
      const raised = Math.min(100, conv.priority + queue.slaWarnPriorityBoost);
      if (raised !== conv.priority) {
        conv.priority = raised;
        if (conv.status === 'waiting') queue.waiting.reorder(conv);
      }
      ctx.changes.touch(conv);
      ctx.changes.alerts.push({
        kind: 'warning',
        conversationId: conv.id,
        queueId: queue.id,
        priority: conv.priority,
        deadline,
        action: raised !== warnedFrom ? 'priority_raised' : 'none',
      });
    }
    if (conv.slaBreachedAt === null && now >= deadline) {
      conv.slaBreachedAt = now;
      ctx.changes.touch(conv);
      const action = onBreach(ctx, conv, queue);
      ctx.changes.alerts.push({
        kind: 'breach',
        conversationId: conv.id,
        queueId: queue.id,
        priority: conv.priority,
        deadline,
        action,
      });
    }
  }
}

function onBreach(ctx: RoutingContext, conv: Conversation, queue: QueueState): SlaAlert['action'] {
  switch (queue.breachAction) {
    case 'none':
      return 'none';
    case 'reassign': {
      // Only an assigned conversation can go to someone else; a waiting one is already first in line.
      if (conv.status !== 'assigned') return 'none';
      const candidates = queue.members.filter((a) => canTakeMore(a, ctx.now));
      const pick = pickAgent({
        queue,
        conv,
        candidates,
        lastAgent: undefined,
        now: ctx.now,
        exclude: conv.assigneeId,
      });
      if (!pick || !isQueueOpen(queue, ctx.now)) return 'none';
      moveToAgent(ctx, conv, pick.agent, { reason: 'sla_reassign', actorId: null, previousQueueId: null });

      return 'reassigned';
    }
    case 'escalate': {
      const target = queue.escalationQueueId ? ctx.state.queues.get(queue.escalationQueueId) : undefined;
      if (!target || target.id === queue.id) return 'none';
      moveToQueue(ctx, conv, target.id, { reason: 'sla_reassign', actorId: null, priority: 100 });

      return 'escalated';
    }
  }
}

/** Shift starts, queues opening and language relaxation all surface here: drain every queue. */
export function drainAll(ctx: RoutingContext): void {
  pruneRecentlyResolved(ctx);
  for (const q of ctx.state.queues.values()) drainQueue(ctx, q);
}
