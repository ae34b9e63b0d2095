import { Type, type Static } from '@sinclair/typebox';
import { AgentRole, IsoDate, Uuid } from '../common';
import { rpc, type RpcDef } from './methods';

/**
 * Request/reply methods the routing service answers, added by the routing service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `routing.<noun>.<verb>`.
 * Every request carries the brand and the acting agent (id and role, as the gateway authenticated
 * them); routing authorises: management is for supervisors and admins (FORBIDDEN otherwise).
 */
const Acting = { brandId: Uuid, actorId: Uuid, actorRole: AgentRole };

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const AgentStatus = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]);

/** ISO weekday (1 = Monday) and local wall-clock times; an end at or before the start crosses midnight. */
export const WeeklySlot = Type.Object({ day: Type.Integer({ minimum: 1, maximum: 7 }), start: HHMM, end: HHMM });
export const ScheduleException = Type.Object({
  from: LocalDate,
  to: LocalDate,
  kind: Type.Union([Type.Literal('leave'), Type.Literal('holiday')]),
});

export const AssignmentView = Type.Object({
  conversationId: Uuid,
  queueId: Uuid,
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting'), Type.Literal('snoozed')]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  translationHint: Type.Boolean(),
});
export type AssignmentView = Static<typeof AssignmentView>;

export const QueueConfigInput = Type.Object({
  id: Type.Optional(Uuid),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  team: Type.Union([Type.Literal('care'), Type.Literal('sales')]),
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
  businessHours: Type.Array(WeeklySlot, { maxItems: 50 }),
  slaTargets: Type.Array(Type.Object({ minPriority: Type.Integer({ minimum: 0, maximum: 100 }), minutes: Type.Integer({ minimum: 1 }) }), {
    maxItems: 10,
  }),
  slaWarnRatio: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  slaWarnPriorityBoost: Type.Integer({ minimum: 0, maximum: 100 }),
  slaBreachAction: Type.Union([Type.Literal('reassign'), Type.Literal('escalate'), Type.Literal('none')]),
  escalationQueueId: Type.Union([Uuid, Type.Null()]),
  strategy: Type.Union([Type.Literal('least_loaded'), Type.Literal('round_robin')]),
  stickyWindowMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Null: language is a preference only; N: only speakers for N minutes, then anyone (translation hint). */
  relaxLanguageAfterMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type QueueConfigInput = Static<typeof QueueConfigInput>;

export const QueueConfig = Type.Intersect([
  Type.Object({ id: Uuid }),
  Type.Omit(QueueConfigInput, ['id']),
  Type.Object({
    waiting: Type.Integer({ minimum: 0 }),
    assigned: Type.Integer({ minimum: 0 }),
    /** Expected wait of a new arrival (last periodic computation); null when nobody staffs the queue. */
    expectedWaitSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  }),
]);
export type QueueConfig = Static<typeof QueueConfig>;

export const RoutingRuleInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Boolean(),
  queueId: Uuid,
  priorityBoost: Type.Integer({ minimum: -100, maximum: 100 }),
  tags: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
  conditions: Type.Object({
    accountHandles: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
    accountRoles: Type.Optional(Type.Array(Type.Union([Type.Literal('care'), Type.Literal('engagement')]))),
    sources: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })),
    intents: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
    languages: Type.Optional(Type.Array(Type.String({ maxLength: 8 }), { maxItems: 50 })),
    matchedRuleIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
    sentiments: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 3 })),
    minFollowers: Type.Optional(Type.Integer({ minimum: 0 })),
    keywords: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  }),
});
export type RoutingRuleInput = Static<typeof RoutingRuleInput>;
export const RoutingRule = Type.Intersect([Type.Object({ id: Uuid, position: Type.Integer({ minimum: 0 }) }), RoutingRuleInput]);
export type RoutingRule = Static<typeof RoutingRule>;

export const AgentSchedule = Type.Object({
  agentId: Uuid,
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
  shifts: Type.Array(WeeklySlot, { maxItems: 50 }),
  exceptions: Type.Array(ScheduleException, { maxItems: 200 }),
  /** Whether the agent is on shift at the time of the answer. */
  onShiftNow: Type.Boolean(),
  at: IsoDate,
});
export type AgentSchedule = Static<typeof AgentSchedule>;

export const RoutingRpc = {
  Assign: rpc('routing.conversations.assign', Type.Object({ ...Acting, conversationId: Uuid, agentId: Uuid }), AssignmentView),
  Transfer: rpc(
    'routing.conversations.transfer',
    Type.Object({ ...Acting, conversationId: Uuid, toAgentId: Type.Optional(Uuid), toQueueId: Type.Optional(Uuid) }),
    AssignmentView,
  ),
  Unassign: rpc('routing.conversations.unassign', Type.Object({ ...Acting, conversationId: Uuid }), AssignmentView),
  SetAgentStatus: rpc(
    'routing.agents.set_status',
    Type.Object({ ...Acting, agentId: Uuid, status: AgentStatus }),
    Type.Object({ agentId: Uuid, status: AgentStatus }),
  ),
  ListQueues: rpc('routing.queues.list', Type.Object({ ...Acting }), Type.Object({ queues: Type.Array(QueueConfig) })),
  UpsertQueue: rpc('routing.queues.upsert', Type.Object({ ...Acting, queue: QueueConfigInput }), QueueConfig),
  ListRules: rpc('routing.rules.list', Type.Object({ ...Acting }), Type.Object({ rules: Type.Array(RoutingRule) })),
  /** The brand's ordered rule list, replaced as a whole (order is meaning). */
  ReplaceRules: rpc(
    'routing.rules.replace',
    Type.Object({ ...Acting, rules: Type.Array(RoutingRuleInput, { maxItems: 500 }) }),
    Type.Object({ rules: Type.Array(RoutingRule) }),
  ),
  GetShifts: rpc('routing.shifts.get', Type.Object({ ...Acting, agentId: Uuid }), AgentSchedule),
  SetShifts: rpc(
    'routing.shifts.set',
    Type.Object({
      ...Acting,
      agentId: Uuid,
      timezone: Type.String({ minLength: 1, maxLength: 64 }),
      shifts: Type.Array(WeeklySlot, { maxItems: 50 }),
      exceptions: Type.Array(ScheduleException, { maxItems: 200 }),
    }),
    AgentSchedule,
  ),
} satisfies Record<string, RpcDef>;
