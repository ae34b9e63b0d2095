import type { MentionReceivedV1 } from '@roost/contracts';
import type { AgentState, BrandState, OpenConversation, RuleConditions } from './routing-state';
import { customerKey } from './routing-state';

export interface RoutingDecision {
  conversationId: string;
  opened: boolean;
  queueId: string;
  priority: number;
  status: 'assigned' | 'waiting';
  assigneeId: string | null;
  /** Set when the assignee does not read the customer's language. */
  translationHint: boolean;
}

/**
 * Changes a batch makes to a brand's state, applied only after the batch is committed, so a
 * failed transaction leaves memory as it was.
 */
export class BatchOverlay {
  readonly agentDelta = new Map<string, number>();
  readonly opened = new Map<string, OpenConversation>();
  /** Existing conversations that received a message, by customer key. */
  readonly touched = new Map<string, { id: string; priority: number; lastInboundAt: number }>();

  activeOf(agent: AgentState): number {
    return agent.active + (this.agentDelta.get(agent.id) ?? 0);
  }

  openFor(state: BrandState, key: string): OpenConversation | undefined {
    return this.opened.get(key) ?? state.open.get(key);
  }
}

export function matchesRule(c: RuleConditions, m: MentionReceivedV1): boolean {
  if (c.intents?.length && !c.intents.includes(m.classification.intent)) return false;
  if (c.accountRoles?.length && !c.accountRoles.includes(m.account.role)) return false;
  if (c.languages?.length && !c.languages.includes(m.classification.language)) return false;
  if (c.sentiments?.length && !c.sentiments.includes(m.classification.sentiment.label)) return false;
  if (c.minFollowers !== undefined && m.author.followersCount < c.minFollowers) return false;
  if (c.keywords?.length) {
    const text = m.tweet.text.toLowerCase();
    if (!c.keywords.some((k) => text.includes(k.toLowerCase()))) return false;
  }

  return true;
}

export function chooseQueue(state: BrandState, m: MentionReceivedV1): { queueId: string; boost: number } | null {
  for (const rule of state.rules) {
    if (state.queues.has(rule.queueId) && matchesRule(rule.conditions, m)) {
      return { queueId: rule.queueId, boost: rule.priorityBoost };
    }
  }

  return state.defaultQueueId ? { queueId: state.defaultQueueId, boost: 0 } : null;
}

/**
 * Least loaded eligible agent: online, member of the queue, free capacity; among those who read
 * the customer's language first. Ties go to whoever was assigned least recently.
 */
export function chooseAgent(
  state: BrandState,
  overlay: BatchOverlay,
  queueId: string,
  language: string,
): { agent: AgentState; translationHint: boolean } | null {
  let best: AgentState | null = null;
  let bestScore = Infinity;
  let bestSpeaks = false;
  for (const agent of state.agents.values()) {
    if (agent.status !== 'online' || !agent.queueIds.has(queueId)) continue;
    const active = overlay.activeOf(agent);
    if (active >= agent.capacity) continue;
    const speaks = agent.languages.has(language) || language === 'und';
    if (bestSpeaks && !speaks) continue;
    const score = active / agent.capacity + agent.lastAssignedAt / 1e15;
    if ((speaks && !bestSpeaks) || score < bestScore) {
      best = agent;
      bestScore = score;
      bestSpeaks = speaks;
    }
  }

  return best ? { agent: best, translationHint: !bestSpeaks } : null;
}

export function route(
  state: BrandState,
  overlay: BatchOverlay,
  m: MentionReceivedV1,
  newId: () => string,
  now: number,
): RoutingDecision | null {
  const key = customerKey(m.author.id, m.channel);
  const existing = overlay.openFor(state, key);
  if (existing) {
    const priority = Math.max(existing.priority, m.classification.priority);
    overlay.touched.set(key, { id: existing.id, priority, lastInboundAt: now });

    return {
      conversationId: existing.id,
      opened: false,
      queueId: existing.queueId,
      priority,
      status: existing.status === 'assigned' ? 'assigned' : 'waiting',
      assigneeId: existing.assigneeId,
      translationHint: false,
    };
  }
  const queue = chooseQueue(state, m);
  if (!queue) return null;
  const priority = Math.min(100, m.classification.priority + queue.boost);
  const pick = chooseAgent(state, overlay, queue.queueId, m.classification.language);
  const conversation: OpenConversation = {
    id: newId(),
    queueId: queue.queueId,
    status: pick ? 'assigned' : 'waiting',
    assigneeId: pick?.agent.id ?? null,
    priority,
    openedAt: now,
  };
  overlay.opened.set(key, conversation);
  if (pick) overlay.agentDelta.set(pick.agent.id, (overlay.agentDelta.get(pick.agent.id) ?? 0) + 1);

  return {
    conversationId: conversation.id,
    opened: true,
    queueId: queue.queueId,
    priority,
    status: pick ? 'assigned' : 'waiting',
    assigneeId: pick?.agent.id ?? null,
    translationHint: pick?.translationHint ?? false,
  };
}

/** Folds a committed batch into the brand's state. */
export function applyOverlay(state: BrandState, overlay: BatchOverlay, now: number): void {
  for (const [agentId, delta] of overlay.agentDelta) {
    const agent = state.agents.get(agentId);
    if (agent) {
      agent.active += delta;
      agent.lastAssignedAt = now;
    }
  }
  for (const [key, conv] of overlay.opened) {
    state.open.set(key, conv);
    const q = state.queues.get(conv.queueId);
    if (!q) continue;
    if (conv.status === 'assigned') q.assigned++;
    else {
      q.waiting++;
      q.oldestWaitingSince = Math.min(q.oldestWaitingSince ?? conv.openedAt, conv.openedAt);
    }
  }
  for (const [key, t] of overlay.touched) {
    const conv = state.open.get(key);
    if (conv) conv.priority = t.priority;
  }
}
