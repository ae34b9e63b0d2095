import { Type } from '@sinclair/typebox';

/** Routing settings as stored on agents, queues and rules (enum and jsonb columns). */
export type Channel = 'public' | 'dm';

export type AgentRole = 'agent' | 'supervisor' | 'admin';
export type AgentStatus = 'online' | 'away' | 'offline';

export interface SlaTarget {
  /** Applies to conversations with at least this priority; the highest matching wins. */
  minPriority: number;
  minutes: number;
}

export type BreachAction = 'reassign' | 'escalate' | 'none';
export type Strategy = 'least_loaded' | 'round_robin';

export interface RuleConditions {
  intents?: string[];
  accountRoles?: string[];
  accountHandles?: string[];
  sources?: string[];
  languages?: string[];
  sentiments?: string[];
  /** Ids of the listening rules the mention matched (ingest's matchedRules). */
  matchedRuleIds?: string[];
  /** Any of these words or phrases, case-insensitive. */
  keywords?: string[];
  minFollowers?: number;
  /** True: only VIP customers (routing's VIP set); false: only the others. */
  vip?: boolean;
}

/*
 * The same settings as row-type columns (typed SQL, data/*.repository.ts): enum columns as their
 * literals, jsonb columns as the shapes routing writes (extra keys tolerated, as the code reads them).
 */
export const ChannelColumn = Type.Union([Type.Literal('public'), Type.Literal('dm')]);
export const AgentRoleColumn = Type.Union([
  Type.Literal('agent'),
  Type.Literal('supervisor'),
  Type.Literal('admin'),
]);
export const AgentStatusColumn = Type.Union([
  Type.Literal('online'),
  Type.Literal('away'),
  Type.Literal('offline'),
]);
export const BreachActionColumn = Type.Union([
  Type.Literal('reassign'),
  Type.Literal('escalate'),
  Type.Literal('none'),
]);
export const StrategyColumn = Type.Union([Type.Literal('least_loaded'), Type.Literal('round_robin')]);
export const TeamColumn = Type.Union([Type.Literal('care'), Type.Literal('sales')]);

/** jsonb `[{day, start, end}]` (common/schedule.ts WeeklySlot). */
export const WeeklySlotsJson = Type.Array(
  Type.Object({ day: Type.Number(), start: Type.String(), end: Type.String() }),
);
/** jsonb `[{from, to, kind}]` (common/schedule.ts ScheduleException). */
export const ScheduleExceptionsJson = Type.Array(
  Type.Object({
    from: Type.String(),
    to: Type.String(),
    kind: Type.Union([Type.Literal('leave'), Type.Literal('holiday')]),
  }),
);
export const SlaTargetsJson = Type.Array(Type.Object({ minPriority: Type.Number(), minutes: Type.Number() }));
/** A queue's stored settings, the columns both the brand-state load and the admin list read. */
export const QUEUE_SETTINGS_COLUMNS = {
  id: Type.String(),
  name: Type.String(),
  team: TeamColumn,
  timezone: Type.String(),
  business_hours: WeeklySlotsJson,
  sla_targets: SlaTargetsJson,
  sla_warn_ratio: Type.Number(),
  sla_warn_priority_boost: Type.Integer(),
  sla_breach_action: BreachActionColumn,
  escalation_queue_id: Type.Union([Type.String(), Type.Null()]),
  strategy: StrategyColumn,
  sticky_window_minutes: Type.Union([Type.Integer(), Type.Null()]),
  relax_language_after_minutes: Type.Union([Type.Integer(), Type.Null()]),
  reopen_window_minutes: Type.Integer(),
  vip_priority_boost: Type.Integer(),
  hard_lock: Type.Boolean(),
};
/** jsonb `{public?, dm?}` (the CHECK routing_valid_channel_capacity allows nothing else). */
export const ChannelCapacityJson = Type.Object({
  public: Type.Optional(Type.Number()),
  dm: Type.Optional(Type.Number()),
});
const strings = Type.Optional(Type.Array(Type.String()));
/** jsonb RuleConditions plus the rule's `tags`. */
export const RuleConditionsJson = Type.Object({
  intents: strings,
  accountRoles: Type.Optional(Type.Array(Type.Union([Type.Literal('care'), Type.Literal('engagement')]))),
  accountHandles: strings,
  sources: strings,
  languages: strings,
  sentiments: strings,
  matchedRuleIds: strings,
  keywords: strings,
  minFollowers: Type.Optional(Type.Number()),
  vip: Type.Optional(Type.Boolean()),
  tags: strings,
});
