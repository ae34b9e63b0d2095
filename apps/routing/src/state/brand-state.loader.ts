import { readBrand, readMergeAliases, readResolvedSince } from '../data/brand-state.repository';
import { toConversation } from '../data/conversation.record';
import type { Queryable } from '../data/queryable';
import type { AgentState, BrandState, Conversation, QueueState } from './brand-state';
import { noteDmLeg, threadKey, threadKeyOf } from './brand-state';
import { WaitingList } from './waiting-list';

/** Rebuilds a brand's routing state; run inside the brand-locked transaction so it is consistent. */
export async function loadBrandState(
  q: Queryable,
  brandId: string,
  at: { version: number; configVersion: number },
  now: number = Date.now(),
): Promise<BrandState> {
  const { agents, queues, rules, open, last, vips } = await readBrand(q, brandId);

  const agentMap = new Map<string, AgentState>(
    agents.map((a) => [
      a.id,
      {
        id: a.id,
        name: a.name,
        role: a.role,
        languages: new Set(a.languages),
        queueIds: new Set(a.queue_ids ?? []),
        status: a.status,
        timezone: a.timezone,
        shifts: a.shifts,
        exceptions: a.shift_exceptions,
        capacity: a.capacity,
        active: a.active_count,
        channelCapacity: a.channel_capacity,
        activeByChannel: { public: 0, dm: 0 },
        lastAssignedSeq: 0,
        shiftCache: { minute: -1, onShift: false },
      },
    ]),
  );
  const queueMap = new Map<string, QueueState>(
    queues.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        team: r.team,
        timezone: r.timezone,
        businessHours: r.business_hours,
        slaTargets: r.sla_targets,
        slaWarnRatio: r.sla_warn_ratio,
        slaWarnPriorityBoost: r.sla_warn_priority_boost,
        breachAction: r.sla_breach_action,
        escalationQueueId: r.escalation_queue_id,
        strategy: r.strategy,
        stickyWindowMinutes: r.sticky_window_minutes,
        relaxLanguageAfterMinutes: r.relax_language_after_minutes,
        reopenWindowMinutes: r.reopen_window_minutes,
        vipPriorityBoost: r.vip_priority_boost,
        hardLock: r.hard_lock,
        members: [...agentMap.values()].filter((a) => a.queueIds.has(r.id)),
        waiting: new WaitingList(),
        assigned: 0,
        openCache: { minute: -1, open: false },
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
      id: r.id,
      name: r.name,
      conditions: r.conditions,
      queueId: r.queue_id,
      priorityBoost: r.priority_boost,
      tags: r.conditions.tags ?? [],
    })),
    open: new Map(),
    byId: new Map(),
    recentlyResolved: new Map(),
    dmLegs: new Map(),
    mergeAliases: new Map(),
    lastAgent: new Map(last.map((l) => [l.customer_x_id, { agentId: l.assignee_id, at: l.at.getTime() }])),
    defaultQueueId: queues.find((x) => x.team === 'care')?.id ?? queues[0]?.id ?? null,
    seq: 0,
    vips: new Map(vips.map((v) => [v.customer_x_id, { vip: v.vip, at: v.changed_at.getTime() }])),
  };
  for (const r of open) {
    const conv = toConversation(r);
    state.open.set(threadKeyOf(conv), conv);
    state.byId.set(conv.id, conv);
    noteDmLeg(state, conv);
    const queue = queueMap.get(conv.queueId);
    if (!queue) continue;
    if (conv.status === 'waiting') queue.waiting.add(conv);
    else if (conv.status === 'assigned') queue.assigned++;
  }
  recountChannels(state);
  const longest = Math.max(0, ...queues.map((r) => r.reopen_window_minutes));
  if (longest > 0) {
    const resolved = await readResolvedSince(q, brandId, new Date(now - longest * 60_000));
    for (const r of resolved) {
      rememberResolved(state, toConversation({ ...r, status: 'waiting' }), r.resolved_at.getTime());
    }
  }
  for (const a of await readMergeAliases(q, brandId, new Date(now - longest * 60_000))) {
    state.mergeAliases.set(threadKey(a.customer_x_id, a.channel, a.x_conversation_id), a.merged_into_id);
  }

  return state;
}

/** Keeps a resolved conversation reopenable, unless the customer has an open one or a later resolved one. */
export function rememberResolved(state: BrandState, conv: Conversation, resolvedAt: number): void {
  const key = threadKeyOf(conv);
  const queue = state.queues.get(conv.queueId);
  const known = state.recentlyResolved.get(key);
  if (
    state.open.has(key) ||
    !queue ||
    queue.reopenWindowMinutes === 0 ||
    (known?.resolvedAt ?? -1) > resolvedAt
  ) {
    return;
  }
  conv.resolvedAt = resolvedAt;
  state.recentlyResolved.set(key, conv);
  noteDmLeg(state, conv);
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
