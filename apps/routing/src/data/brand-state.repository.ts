import type { ScheduleException, WeeklySlot } from '../common/schedule';
import type {
  AgentRole,
  AgentStatus,
  BreachAction,
  Channel,
  RuleConditions,
  SlaTarget,
  Strategy,
} from './brand-config.record';
import { CONVERSATION_COLUMNS, type ConversationRow } from './conversation.record';
import type { Queryable } from './queryable';

/** How far back a customer's previous agent is remembered (longest sensible sticky window). */
const LAST_AGENT_DAYS = 30;

export interface AgentStateRow {
  id: string;
  name: string;
  role: AgentRole;
  languages: string[];
  timezone: string;
  status: AgentStatus;
  capacity: number;
  active_count: number;
  shifts: WeeklySlot[];
  shift_exceptions: ScheduleException[];
  queue_ids: string[] | null;
  channel_capacity: Partial<Record<Channel, number>>;
}

export interface QueueRow {
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

export interface RuleRow {
  id: string;
  name: string;
  conditions: RuleConditions & { tags?: string[] };
  queue_id: string;
  priority_boost: number;
}

export interface LastAgentRow {
  customer_x_id: string;
  assignee_id: string;
  at: Date;
}

export interface BrandRows {
  agents: AgentStateRow[];
  queues: QueueRow[];
  rules: RuleRow[];
  open: ConversationRow[];
  last: LastAgentRow[];
}

/** A conversation changed since a version; `resolved` ones are only read here, never loaded as open. */
export type ChangedConversationRow = Omit<ConversationRow, 'status'> & {
  status: ConversationRow['status'] | 'resolved';
  resolved_at: Date | null;
};

/** Reads of a brand's routing state (run inside the brand-locked transaction so they are consistent). */
export async function readBrand(q: Queryable, brandId: string): Promise<BrandRows> {
  const agents: AgentStateRow[] = await q.query(
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
  const rules: RuleRow[] = await q.query(
    `SELECT id, name, conditions, queue_id, priority_boost FROM routing_rules WHERE brand_id = $1 AND enabled ORDER BY position`,
    [brandId],
  );
  const open: ConversationRow[] = await q.query(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE brand_id = $1 AND status <> 'resolved'`,
    [brandId],
  );
  const last: LastAgentRow[] = await q.query(
    `SELECT DISTINCT ON (customer_x_id) customer_x_id, assignee_id, resolved_at AS at FROM conversations
     WHERE brand_id = $1 AND status = 'resolved' AND assignee_id IS NOT NULL AND resolved_at > now() - interval '${LAST_AGENT_DAYS} days'
     ORDER BY customer_x_id, resolved_at DESC`,
    [brandId],
  );

  return { agents, queues, rules, open, last };
}

/** Each thread's latest conversation resolved after `since`. */
export function readResolvedSince(
  q: Queryable,
  brandId: string,
  since: Date,
): Promise<Array<ConversationRow & { resolved_at: Date }>> {
  return q.query(
    `SELECT DISTINCT ON (customer_x_id, channel, x_conversation_id) ${CONVERSATION_COLUMNS}, resolved_at FROM conversations
       WHERE brand_id = $1 AND status = 'resolved' AND resolved_at > $2
       ORDER BY customer_x_id, channel, x_conversation_id, resolved_at DESC`,
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
}> {
  const [rows, agents]: [
    ChangedConversationRow[],
    Array<{ id: string; status: AgentStatus; active_count: number }>,
  ] = await Promise.all([
    q.query(
      `SELECT ${CONVERSATION_COLUMNS}, resolved_at FROM conversations WHERE brand_id = $1 AND routing_version > $2`,
      [brandId, version],
    ),
    q.query(`SELECT id, status, active_count FROM agents WHERE brand_id = $1`, [brandId]),
  ]);

  return { rows, agents };
}
