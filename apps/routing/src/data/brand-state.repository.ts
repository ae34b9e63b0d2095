import { Nullable, rowType, selectRows } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import {
  type AgentStatus,
  AgentRoleColumn,
  AgentStatusColumn,
  QUEUE_SETTINGS_COLUMNS,
  ChannelCapacityJson,
  RuleConditionsJson,
  ScheduleExceptionsJson,
  WeeklySlotsJson,
} from './brand-config.record';
import { CONVERSATION_COLUMNS, CONVERSATION_ROW_COLUMNS, type ConversationRow } from './conversation.record';
import type { Queryable } from './queryable';

/** How far back a customer's previous agent is remembered (longest sensible sticky window). */
const LAST_AGENT_DAYS = 30;

export const AgentStateRow = rowType('routing.brand-state.agents', {
  id: Type.String(),
  name: Type.String(),
  role: AgentRoleColumn,
  languages: Type.Array(Type.String()),
  timezone: Type.String(),
  status: AgentStatusColumn,
  capacity: Type.Integer(),
  active_count: Type.Integer(),
  shifts: WeeklySlotsJson,
  shift_exceptions: ScheduleExceptionsJson,
  queue_ids: Nullable(Type.Array(Type.String())),
  channel_capacity: ChannelCapacityJson,
});
export type AgentStateRow = Static<typeof AgentStateRow.schema>;

export const QueueRow = rowType('routing.brand-state.queues', QUEUE_SETTINGS_COLUMNS);
export type QueueRow = Static<typeof QueueRow.schema>;

export const RuleRow = rowType('routing.brand-state.rules', {
  id: Type.String(),
  name: Type.String(),
  conditions: RuleConditionsJson,
  queue_id: Type.String(),
  priority_boost: Type.Integer(),
});
export type RuleRow = Static<typeof RuleRow.schema>;

export const LastAgentRow = rowType('routing.brand-state.last-agent', {
  customer_x_id: Type.String(),
  assignee_id: Type.String(),
  at: Type.Date(),
});
export type LastAgentRow = Static<typeof LastAgentRow.schema>;

/** An open conversation (status not resolved). */
export const OpenConversationRow = rowType('routing.brand-state.open', CONVERSATION_ROW_COLUMNS);

/** Each thread's latest resolved conversation (its status column reads 'resolved'). */
export const ResolvedConversationRow = rowType('routing.brand-state.resolved-since', {
  ...CONVERSATION_ROW_COLUMNS,
  status: Type.Literal('resolved'),
  resolved_at: Type.Date(),
});
export type ResolvedConversationRow = Static<typeof ResolvedConversationRow.schema>;

/** A conversation changed since a version; `resolved` ones are only read here, never loaded as open. */
export const ChangedConversationRow = rowType('routing.brand-state.changed', {
  ...CONVERSATION_ROW_COLUMNS,
  status: Type.Union([
    Type.Literal('waiting'),
    Type.Literal('assigned'),
    Type.Literal('snoozed'),
    Type.Literal('resolved'),
  ]),
  resolved_at: Nullable(Type.Date()),
  merged_into_id: Nullable(Type.String()),
});
export type ChangedConversationRow = Static<typeof ChangedConversationRow.schema>;

/** A merged conversation's thread and the conversation it was merged into (issue 13). */
export const MergeAliasRow = rowType('routing.brand-state.merge-aliases', {
  customer_x_id: Type.String(),
  channel: Type.String(),
  x_conversation_id: Nullable(Type.String()),
  merged_into_id: Type.String(),
});
export type MergeAliasRow = Static<typeof MergeAliasRow.schema>;

export const AgentLoadRow = rowType('routing.brand-state.agent-load', {
  id: Type.String(),
  status: AgentStatusColumn,
  active_count: Type.Integer(),
});

/** A customer's VIP flag as routing last learnt it (`customer.updated`). */
export const VipRow = rowType('routing.brand-state.vips', {
  customer_x_id: Type.String(),
  vip: Type.Boolean(),
  changed_at: Type.Date(),
});
export type VipRow = Static<typeof VipRow.schema>;

export interface BrandRows {
  agents: AgentStateRow[];
  queues: QueueRow[];
  rules: RuleRow[];
  open: ConversationRow[];
  last: LastAgentRow[];
  vips: VipRow[];
}

/** Reads of a brand's routing state (run inside the brand-locked transaction so they are consistent). */
export async function readBrand(q: Queryable, brandId: string): Promise<BrandRows> {
  const agents = await selectRows(
    q,
    AgentStateRow,
    `SELECT a.id, a.name, a.role, a.languages, a.timezone, a.status, a.capacity, a.active_count, a.shifts, a.shift_exceptions, a.channel_capacity,
       array_remove(array_agg(aq.queue_id), NULL) AS queue_ids
     FROM agents a LEFT JOIN agent_queues aq ON aq.brand_id = a.brand_id AND aq.agent_id = a.id
     WHERE a.brand_id = $1 AND a.active GROUP BY a.brand_id, a.id ORDER BY a.created_at, a.id`,
    [brandId],
  );
  const queues = await selectRows(
    q,
    QueueRow,
    `SELECT id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost, sla_breach_action,
       escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes, vip_priority_boost,
       hard_lock
     FROM queues WHERE brand_id = $1 ORDER BY created_at, name`,
    [brandId],
  );
  const rules = await selectRows(
    q,
    RuleRow,
    `SELECT id, name, conditions, queue_id, priority_boost FROM routing_rules WHERE brand_id = $1 AND enabled ORDER BY position`,
    [brandId],
  );
  const open = await selectRows(
    q,
    OpenConversationRow,
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE brand_id = $1 AND status <> 'resolved'`,
    [brandId],
  );
  const last = await selectRows(
    q,
    LastAgentRow,
    `SELECT DISTINCT ON (customer_x_id) customer_x_id, assignee_id, resolved_at AS at FROM conversations
     WHERE brand_id = $1 AND status = 'resolved' AND assignee_id IS NOT NULL AND resolved_at > now() - interval '${LAST_AGENT_DAYS} days'
     ORDER BY customer_x_id, resolved_at DESC`,
    [brandId],
  );

  const vips = await selectRows(
    q,
    VipRow,
    `SELECT customer_x_id, vip, changed_at FROM vip_customers WHERE brand_id = $1`,
    [brandId],
  );

  return { agents, queues, rules, open, last, vips };
}

/** Each thread's latest conversation resolved after `since`. */
export function readResolvedSince(
  q: Queryable,
  brandId: string,
  since: Date,
): Promise<ResolvedConversationRow[]> {
  return selectRows(
    q,
    ResolvedConversationRow,
    `SELECT DISTINCT ON (customer_x_id, channel, x_conversation_id) ${CONVERSATION_COLUMNS}, resolved_at FROM conversations
       WHERE brand_id = $1 AND status = 'resolved' AND resolved_at > $2 AND merged_into_id IS NULL
       ORDER BY customer_x_id, channel, x_conversation_id, resolved_at DESC`,
    [brandId, since],
  );
}

/**
 * The threads of merged conversations whose target is still open or resolved after `since` (a
 * target gone for good has nothing left to join or reopen): newest merge per thread last.
 */
export function readMergeAliases(q: Queryable, brandId: string, since: Date): Promise<MergeAliasRow[]> {
  return selectRows(
    q,
    MergeAliasRow,
    `SELECT s.customer_x_id, s.channel, s.x_conversation_id, s.merged_into_id FROM conversations s
       JOIN conversations t ON t.brand_id = s.brand_id AND t.id = s.merged_into_id
     WHERE s.brand_id = $1 AND s.merged_into_id IS NOT NULL AND (t.status <> 'resolved' OR t.resolved_at > $2)
     ORDER BY s.resolved_at, s.id`,
    [brandId, since],
  );
}

/** What other instances wrote after `version`: the conversations they stamped, and every agent's load and status. */
export async function readChangesSince(
  q: Queryable,
  brandId: string,
  version: number,
): Promise<{
  rows: ChangedConversationRow[];
  agents: Array<{ id: string; status: AgentStatus; active_count: number }>;
  vips: VipRow[];
}> {
  const [rows, agents, vips] = await Promise.all([
    selectRows(
      q,
      ChangedConversationRow,
      `SELECT ${CONVERSATION_COLUMNS}, resolved_at, merged_into_id FROM conversations WHERE brand_id = $1 AND routing_version > $2`,
      [brandId, version],
    ),
    selectRows(q, AgentLoadRow, `SELECT id, status, active_count FROM agents WHERE brand_id = $1`, [brandId]),
    selectRows(
      q,
      VipRow,
      `SELECT customer_x_id, vip, changed_at FROM vip_customers WHERE brand_id = $1 AND routing_version > $2`,
      [brandId, version],
    ),
  ]);

  return { rows, agents, vips };
}
