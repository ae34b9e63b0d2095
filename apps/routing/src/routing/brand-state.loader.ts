import type { EntityManager } from 'typeorm';
import type { AgentState, BrandState, BreachAction, Conversation, QueueState, RuleConditions, SlaTarget, Strategy } from './routing-state';
import { threadKeyOf } from './routing-state';
import type { ScheduleException, WeeklySlot } from './schedule';
import { WaitingList } from './waiting-list';

export type Queryable = Pick<EntityManager, 'query'>;

/** How far back a customer's previous agent is remembered (longest sensible sticky window). */
const LAST_AGENT_DAYS = 30;

interface QueueRow {
  id: string;
  name: string;
  team: 'care' | 'sales';
  timezone: string;
  business_hours: WeeklySlot[];
  sla_targets: SlaTarget[];
  sla_warn_ratio: number;
  sla_warn_priority_boost: number;
  sla_breach_action: BreachAction;
  escalation_queue_id: string | null;
  strategy: Strategy;
  sticky_window_minutes: number | null;
  relax_language_after_minutes: number | null;
  reopen_window_minutes: number;
}

export interface ConversationRow {
  id: string;
  customer_x_id: string;
  channel: string;
  queue_id: string;
  status: Conversation['status'];
  assignee_id: string | null;
  priority: number;
  language: string;
  opened_at: Date;
  assigned_at: Date | null;
  translation_hint: boolean;
  first_response_at: Date | null;
  sla_warned_at: Date | null;
  sla_breached_at: Date | null;
  x_conversation_id: string | null;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

export const CONVERSATION_COLUMNS = `id, customer_x_id, channel, queue_id, status, assignee_id, priority, language, opened_at, assigned_at,
       translation_hint, first_response_at, sla_warned_at, sla_breached_at, x_conversation_id`;

export function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id, customerXId: r.customer_x_id, channel: r.channel, xConversationId: r.x_conversation_id, queueId: r.queue_id, status: r.status, assigneeId: r.assignee_id,
    priority: r.priority, language: r.language, openedAt: r.opened_at.getTime(), assignedAt: ms(r.assigned_at),
    translationHint: r.translation_hint, firstResponseAt: ms(r.first_response_at), slaWarnedAt: ms(r.sla_warned_at),
    slaBreachedAt: ms(r.sla_breached_at),
  };
}

/** Rebuilds a brand's routing state; run inside the brand-locked transaction so it is consistent. */
export async function loadBrandState(
  q: Queryable,
  brandId: string,
  at: { version: number; configVersion: number },
  now: number = Date.now(),
): Promise<BrandState> {
  const agents: Array<{
    id: string; name: string; role: AgentState['role']; languages: string[]; timezone: string; status: AgentState['status'];
    capacity: number; active_count: number; shifts: WeeklySlot[]; shift_exceptions: ScheduleException[]; queue_ids: string[] | null;
    channel_capacity: AgentState['channelCapacity'];
  }> = await q.query(
    `SELECT a.id, a.name, a.role, a.languages, a.timezone, a.status, a.capacity, a.active_count, a.shifts, a.shift_exceptions, a.channel_capacity,
       array_remove(array_agg(aq.queue_id), NULL) AS queue_ids
     FROM agents a LEFT JOIN agent_queues aq ON aq.brand_id = a.brand_id AND aq.agent_id = a.id
     WHERE a.brand_id = $1 AND a.active GROUP BY a.brand_id, a.id ORDER BY a.created_at, a.id`,
    [brandId],
  );
  const queues: QueueRow[] = await q.query(
    `SELECT id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost, sla_breach_action,
       escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes
     FROM queues WHERE brand_id = $1 ORDER BY created_at, name`,
    [brandId],
  );
  const rules: Array<{ id: string; name: string; conditions: RuleConditions & { tags?: string[] }; queue_id: string; priority_boost: number }> =
    await q.query(
      `SELECT id, name, conditions, queue_id, priority_boost FROM routing_rules WHERE brand_id = $1 AND enabled ORDER BY position`,
      [brandId],
    );
  const open: ConversationRow[] = await q.query(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE brand_id = $1 AND status <> 'resolved'`,
    [brandId],
  );
  const last: Array<{ customer_x_id: string; assignee_id: string; at: Date }> = await q.query(
    `SELECT DISTINCT ON (customer_x_id) customer_x_id, assignee_id, resolved_at AS at FROM conversations
     WHERE brand_id = $1 AND status = 'resolved' AND assignee_id IS NOT NULL AND resolved_at > now() - interval '${LAST_AGENT_DAYS} days'
     ORDER BY customer_x_id, resolved_at DESC`,
    [brandId],
  );

  const agentMap = new Map<string, AgentState>(
    agents.map((a) => [
      a.id,
      {
        id: a.id, name: a.name, role: a.role, languages: new Set(a.languages), queueIds: new Set(a.queue_ids ?? []),
        status: a.status, timezone: a.timezone, shifts: a.shifts, exceptions: a.shift_exceptions, capacity: a.capacity,
        active: a.active_count, channelCapacity: a.channel_capacity, activeByChannel: { public: 0, dm: 0 }, lastAssignedSeq: 0,
        shiftCache: { minute: -1, onShift: false },
      },
    ]),
  );
  const queueMap = new Map<string, QueueState>(
    queues.map((r) => [
      r.id,
      {
        id: r.id, name: r.name, team: r.team, timezone: r.timezone, businessHours: r.business_hours, slaTargets: r.sla_targets,
        slaWarnRatio: r.sla_warn_ratio, slaWarnPriorityBoost: r.sla_warn_priority_boost, breachAction: r.sla_breach_action,
        escalationQueueId: r.escalation_queue_id, strategy: r.strategy, stickyWindowMinutes: r.sticky_window_minutes,
        relaxLanguageAfterMinutes: r.relax_language_after_minutes, reopenWindowMinutes: r.reopen_window_minutes,
        members: [...agentMap.values()].filter((a) => a.queueIds.has(r.id)),
        waiting: new WaitingList(), assigned: 0, openCache: { minute: -1, open: false },
      },
    ]),
  );
  const state: BrandState = {
    brandId,
    version: at.version,
    configVersion: at.configVersion,
    agents: agentMap,
    queues: queueMap,
    rules: rules.map((r) => ({
      id: r.id, name: r.name, conditions: r.conditions, queueId: r.queue_id, priorityBoost: r.priority_boost, tags: r.conditions.tags ?? [],
    })),
    open: new Map(),
    byId: new Map(),
    recentlyResolved: new Map(),
    lastAgent: new Map(last.map((l) => [l.customer_x_id, { agentId: l.assignee_id, at: l.at.getTime() }])),
    defaultQueueId: queues.find((x) => x.team === 'care')?.id ?? queues[0]?.id ?? null,
    seq: 0,
  };
  for (const r of open) {
    const conv = toConversation(r);
    state.open.set(threadKeyOf(conv), conv);
    state.byId.set(conv.id, conv);
    const queue = queueMap.get(conv.queueId);
    if (!queue) continue;
    if (conv.status === 'waiting') queue.waiting.add(conv);
    else if (conv.status === 'assigned') queue.assigned++;
  }
  recountChannels(state);
  const longest = Math.max(0, ...queues.map((r) => r.reopen_window_minutes));
  if (longest > 0) {
    const resolved: Array<ConversationRow & { resolved_at: Date }> = await q.query(
      `SELECT DISTINCT ON (customer_x_id, channel, x_conversation_id) ${CONVERSATION_COLUMNS}, resolved_at FROM conversations
       WHERE brand_id = $1 AND status = 'resolved' AND resolved_at > $2
       ORDER BY customer_x_id, channel, x_conversation_id, resolved_at DESC`,
      [brandId, new Date(now - longest * 60_000)],
    );
    for (const r of resolved) rememberResolved(state, toConversation({ ...r, status: 'waiting' }), r.resolved_at.getTime());
  }

  return state;
}

/** Keeps a resolved conversation reopenable, unless the customer has an open one or a later resolved one. */
export function rememberResolved(state: BrandState, conv: Conversation, resolvedAt: number): void {
  const key = threadKeyOf(conv);
  const queue = state.queues.get(conv.queueId);
  const known = state.recentlyResolved.get(key);
  if (state.open.has(key) || !queue || queue.reopenWindowMinutes === 0 || (known?.resolvedAt ?? -1) > resolvedAt) return;
  conv.resolvedAt = resolvedAt;
  state.recentlyResolved.set(key, conv);
}

/** Assigned conversations per agent and channel, from the open conversations in memory. */
export function recountChannels(state: BrandState): void {
  for (const a of state.agents.values()) a.activeByChannel = { public: 0, dm: 0 };
  for (const conv of state.byId.values()) countChannel(state, conv, 1);
}

/** Adds (or, with -1, takes away) an assigned conversation in its agent's per-channel count. */
export function countChannel(state: BrandState, conv: Conversation, delta: 1 | -1): void {
  if (conv.status !== 'assigned' || !conv.assigneeId) return;
  const agent = state.agents.get(conv.assigneeId);
  if (agent) agent.activeByChannel[conv.channel === 'dm' ? 'dm' : 'public'] += delta;
}
