import type { ConversationAssignedV1, MentionReceivedV1 } from '@roost/contracts';
import type { AgentState, Channel, Conversation, QueueState } from '../state/brand-state';
import { isVip, threadKey } from '../state/brand-state';
import type { RoutingContext } from '../state/routing-context';
import { canTakeMore, isQueueOpen, pickAgent } from './eligibility';
import { chooseQueue } from './rules';
import { withVipBoost } from './vip';

export interface RoutingDecision {
  conversationId: string;
  opened: boolean;
  queueId: string;
  priority: number;
  status: 'assigned' | 'waiting';
  assigneeId: string | null;
  translationHint: boolean;
  /** The rule that chose the queue of the conversation this mention opened, with its tags. */
  rule?: { id: string; tags: string[] };
}

type Reason = ConversationAssignedV1['reason'];

/** Records a conversation.assigned event with the queue's counters after the change. */
export function recordAssignment(
  ctx: RoutingContext,
  conv: Conversation,
  from: {
    reason: Reason;
    previousQueueId: string | null;
    previousAssigneeId: string | null;
    actorId?: string | null;
    transferNote?: ConversationAssignedV1['transferNote'];
    takeOver?: boolean | undefined;
  },
): void {
  const q = ctx.state.queues.get(conv.queueId);
  const oldest = q?.waiting.oldestOpenedAt ?? null;
  ctx.changes.assigned.push({
    schema: 1,
    brandId: ctx.state.brandId,
    conversationId: conv.id,
    queueId: conv.queueId,
    previousQueueId: from.previousQueueId,
    assigneeId: conv.assigneeId,
    previousAssigneeId: from.previousAssigneeId,
    status: conv.status === 'assigned' ? 'assigned' : 'waiting',
    reason: from.reason,
    translationHint: conv.translationHint,
    priority: conv.priority,
    actorId: from.actorId ?? null,
    queueSnapshot: {
      waiting: q?.waiting.size ?? 0,
      assigned: q?.assigned ?? 0,
      oldestWaitingSince: oldest === null ? null : new Date(oldest).toISOString(),
    },
    at: new Date(ctx.now).toISOString(),
    ...(from.transferNote ? { transferNote: from.transferNote } : {}),
    ...(from.takeOver ? { takeOver: true as const } : {}),
  });
}

/** Gives a waiting (or unassigned) conversation to an agent: memory and change set. */
export function assignTo(
  ctx: RoutingContext,
  conv: Conversation,
  agent: AgentState,
  translationHint: boolean,
): void {
  const q = ctx.state.queues.get(conv.queueId);
  if (conv.status === 'waiting') q?.waiting.remove(conv);
  conv.status = 'assigned';
  conv.assigneeId = agent.id;
  conv.assignedAt = ctx.now;
  conv.translationHint = translationHint;
  agent.active++;
  agent.activeByChannel[channelOf(conv)]++;
  agent.lastAssignedSeq = ++ctx.state.seq;
  if (q) q.assigned++;
  ctx.changes.load(agent.id, +1);
  ctx.changes.touch(conv);
}

/** Takes a conversation off its agent (capacity freed); the caller decides where it goes next. */
export function releaseFromAgent(ctx: RoutingContext, conv: Conversation): AgentState | null {
  if (conv.status !== 'assigned' || !conv.assigneeId) return null;
  const agent = ctx.state.agents.get(conv.assigneeId) ?? null;
  if (agent) {
    agent.active--;
    agent.activeByChannel[channelOf(conv)]--;
    ctx.changes.load(agent.id, -1);
  }
  const q = ctx.state.queues.get(conv.queueId);
  if (q) q.assigned--;
  conv.assigneeId = null;
  conv.assignedAt = null;
  conv.translationHint = false;

  return agent;
}

function channelOf(conv: Conversation): Channel {
  return conv.channel === 'dm' ? 'dm' : 'public';
}

/** Puts a conversation in its queue's waiting list. */
export function enqueue(ctx: RoutingContext, conv: Conversation): void {
  conv.status = 'waiting';
  conv.assigneeId = null;
  ctx.state.queues.get(conv.queueId)?.waiting.add(conv);
  ctx.changes.touch(conv);
}

/**
 * Assigns the queue's waiting conversations, in order (priority, then age), while members can
 * take more. A conversation nobody eligible can take (language not yet relaxed) is skipped, not
 * blocking the ones behind it. `fresh` is a conversation opened by this very decision: its
 * assignment is announced by conversation.routed, not conversation.assigned.
 */
export function drainQueue(ctx: RoutingContext, queue: QueueState, fresh?: Conversation): number {
  if (queue.waiting.size === 0 || !isQueueOpen(queue, ctx.now)) return 0;
  const free = queue.members.filter((a) => canTakeMore(a, ctx.now));
  if (free.length === 0) return 0;
  let assigned = 0;
  const list = queue.waiting.inOrder();
  for (let i = 0; i < list.length && free.length > 0;) {
    const conv = list[i];
    if (!conv) break;
    const pick = pickAgent({
      queue,
      conv,
      candidates: free,
      lastAgent: ctx.state.lastAgent.get(conv.customerXId),
      now: ctx.now,
    });
    if (!pick) {
      i++;
      continue;
    }
    assignTo(ctx, conv, pick.agent, pick.translationHint); // removes list[i]
    assigned++;
    if (conv !== fresh) {
      recordAssignment(ctx, conv, {
        reason: 'from_waiting_list',
        previousQueueId: null,
        previousAssigneeId: null,
      });
    }
    if (pick.agent.active >= pick.agent.capacity) free.splice(free.indexOf(pick.agent), 1);
  }

  return assigned;
}

/** Drains every queue of an agent, the queue with the most urgent head first. */
export function drainForAgent(ctx: RoutingContext, agent: AgentState): void {
  const queues = [...agent.queueIds]
    .map((id) => ctx.state.queues.get(id))
    .filter((q): q is QueueState => !!q && q.waiting.size > 0)
    .sort((a, b) => headKey(b) - headKey(a));
  for (const q of queues) drainQueue(ctx, q);
}

function headKey(q: QueueState): number {
  const head = q.waiting.inOrder()[0];

  return head ? head.priority * 1e13 - head.openedAt : -Infinity;
}

/**
 * A mention: joins the customer's open conversation, or opens one in the queue the rules pick,
 * waits in line behind more urgent conversations, and is assigned if an eligible agent is free.
 */
export function routeMention(ctx: RoutingContext, m: MentionReceivedV1): RoutingDecision | null {
  const { state, now } = ctx;
  const key = threadKey(m.author.id, m.channel, m.tweet.conversationId);
  if (m.channel === 'dm') {
    const leg = joinDmLeg(ctx, key, m);
    if (leg) return leg;
  }
  const merged = joinMergeTarget(ctx, key, m);
  if (merged) return merged;
  const existing = state.open.get(key);
  if (existing) return join(ctx, existing, m);
  const vip = isVip(state, m.author.id);
  const reopened = reopenRecent(ctx, key, m);
  if (reopened) return decisionOf(reopened, true);
  const choice = chooseQueue(state, m);
  const queue = choice ? state.queues.get(choice.queueId) : undefined;
  if (!choice || !queue) return null;
  const conv: Conversation = {
    id: ctx.newId(),
    customerXId: m.author.id,
    channel: m.channel,
    xConversationId: m.channel === 'dm' ? null : (m.tweet.conversationId ?? null),
    queueId: queue.id,
    status: 'waiting',
    assigneeId: null,
    priority: withVipBoost(m.classification.priority + choice.boost, vip, queue.vipPriorityBoost),
    language: m.classification.language,
    openedAt: now,
    assignedAt: null,
    translationHint: false,
    firstResponseAt: null,
    slaWarnedAt: null,
    slaBreachedAt: null,
    dmLinkedAt: null,
  };
  state.open.set(key, conv);
  state.byId.set(conv.id, conv);
  ctx.changes.open(conv);
  queue.waiting.add(conv);
  drainQueue(ctx, queue, conv);

  return choice.rule ? { ...decisionOf(conv, true), rule: choice.rule } : decisionOf(conv, true);
}

/** The mention is a new message of an open (or snoozed) conversation: its priority can only rise. */
function join(ctx: RoutingContext, conv: Conversation, m: MentionReceivedV1): RoutingDecision {
  const { state } = ctx;
  const queueBoost = state.queues.get(conv.queueId)?.vipPriorityBoost ?? 0;
  const priority = Math.max(
    conv.priority,
    withVipBoost(m.classification.priority, isVip(state, m.author.id), queueBoost),
  );
  if (priority !== conv.priority) {
    conv.priority = priority;
    if (conv.status === 'waiting') state.queues.get(conv.queueId)?.waiting.reorder(conv);
  }
  ctx.changes.inbound(conv, ctx.now);

  return decisionOf(conv, false);
}

/**
 * A customer's DM after the brand DMed them from a public conversation (move to DM, or an agent's
 * DM) belongs to that case: it joins the conversation while it is open, or reopens it within its
 * queue's reopen window (same conversation, assignee first). A DM conversation the customer opened
 * after that link is the newer case and keeps their DMs; with no usable link the DM is routed as
 * any DM (its own conversation, as before).
 */
function joinDmLeg(ctx: RoutingContext, dmKey: string, m: MentionReceivedV1): RoutingDecision | null {
  const { state } = ctx;
  const leg = state.dmLegs.get(m.author.id);
  if (!leg) return null;
  const cold = state.open.get(dmKey);
  if (cold && cold.openedAt > leg.at) return null;
  const open = state.byId.get(leg.conversationId);
  if (open) return join(ctx, open, m);
  // The leg's conversation was merged into another: the DM goes where its thread goes.
  if (state.mergeAliases.has(leg.key)) {
    const target = joinMergeTarget(ctx, leg.key, m);
    if (target) return target;
  }
  if (state.recentlyResolved.get(leg.key)?.id === leg.conversationId) {
    const reopened = reopenRecent(ctx, leg.key, m);
    if (reopened) return decisionOf(reopened, true);
  }
  state.dmLegs.delete(m.author.id);

  return null;
}

/**
 * Issue 13: a message in the thread of a conversation that was merged into another joins the
 * target while it is open (or snoozed), or reopens it within its queue's reopen window; otherwise
 * (the target gone for good) the thread routes as any thread, and the alias is forgotten.
 */
function joinMergeTarget(ctx: RoutingContext, key: string, m: MentionReceivedV1): RoutingDecision | null {
  const { state } = ctx;
  const targetId = state.mergeAliases.get(key);
  if (!targetId) return null;
  const open = state.byId.get(targetId);
  if (open) return join(ctx, open, m);
  for (const [resolvedKey, conv] of state.recentlyResolved) {
    if (conv.id !== targetId) continue;
    const reopened = reopenRecent(ctx, resolvedKey, m);
    if (reopened) return decisionOf(reopened, true);
  }
  state.mergeAliases.delete(key);

  return null;
}

/**
 * The customer's conversation resolved within its queue's reopen window, reopened by this mention:
 * same id and queue, waiting again with fresh SLA timers (the clock starts now), offered first to
 * the agent who resolved it (stickiness) and otherwise to the queue. Null when there is none.
 */
function reopenRecent(ctx: RoutingContext, key: string, m: MentionReceivedV1): Conversation | null {
  const { state, now } = ctx;
  const conv = state.recentlyResolved.get(key);
  if (!conv) return null;
  const queue = state.queues.get(conv.queueId);
  if (!queue || !withinReopenWindow(queue, conv, now)) {
    state.recentlyResolved.delete(key);

    return null;
  }
  state.recentlyResolved.delete(key);
  Object.assign(conv, {
    status: 'waiting',
    assigneeId: null,
    assignedAt: null,
    translationHint: false,
    openedAt: now,
    resolvedAt: null,
    firstResponseAt: null,
    slaWarnedAt: null,
    slaBreachedAt: null,
    priority: Math.max(
      conv.priority,
      withVipBoost(m.classification.priority, isVip(state, m.author.id), queue.vipPriorityBoost),
    ),
  } satisfies Partial<Conversation>);
  state.open.set(key, conv);
  state.byId.set(conv.id, conv);
  ctx.changes.inbound(conv, now);
  queue.waiting.add(conv);
  drainQueue(ctx, queue, conv);

  return conv;
}

export function withinReopenWindow(queue: QueueState, conv: Conversation, now: number): boolean {
  return (
    queue.reopenWindowMinutes > 0 &&
    conv.resolvedAt !== null &&
    conv.resolvedAt !== undefined &&
    now - conv.resolvedAt <= queue.reopenWindowMinutes * 60_000
  );
}

/** Forgets resolved conversations whose reopen window has passed (memory only: a reload would not load them either). */
export function pruneRecentlyResolved(ctx: RoutingContext): void {
  for (const [key, conv] of ctx.state.recentlyResolved) {
    const queue = ctx.state.queues.get(conv.queueId);
    if (!queue || !withinReopenWindow(queue, conv, ctx.now)) ctx.state.recentlyResolved.delete(key);
  }
}

function decisionOf(conv: Conversation, opened: boolean): RoutingDecision {
  return {
    conversationId: conv.id,
    opened,
    queueId: conv.queueId,
    priority: conv.priority,
    status: conv.status === 'assigned' ? 'assigned' : 'waiting',
    assigneeId: conv.assigneeId,
    translationHint: conv.translationHint,
  };
}
