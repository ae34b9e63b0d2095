import { Type, type Static } from '@sinclair/typebox';
import { AgentRole, IsoDate, Uuid } from '../common';
import { AgentAccessChangedV1 } from '../events/agent-access-changed.v1';
import { AgentProfile, ChannelCapacity, rpc, type RpcDef } from './methods';

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
export const WeeklySlot = Type.Object({
  day: Type.Integer({ minimum: 1, maximum: 7 }),
  start: HHMM,
  end: HHMM,
});
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
  slaTargets: Type.Array(
    Type.Object({
      minPriority: Type.Integer({ minimum: 0, maximum: 100 }),
      minutes: Type.Integer({ minimum: 1 }),
    }),
    {
      maxItems: 10,
    },
  ),
  slaWarnRatio: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  slaWarnPriorityBoost: Type.Integer({ minimum: 0, maximum: 100 }),
  slaBreachAction: Type.Union([Type.Literal('reassign'), Type.Literal('escalate'), Type.Literal('none')]),
  escalationQueueId: Type.Union([Uuid, Type.Null()]),
  strategy: Type.Union([Type.Literal('least_loaded'), Type.Literal('round_robin')]),
  stickyWindowMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Null: language is a preference only; N: only speakers for N minutes, then anyone (translation hint). */
  relaxLanguageAfterMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** A customer writing again within this long after a resolution reopens the conversation; 0 = never. Absent: 24 h for a new queue, unchanged for an existing one. */
  reopenWindowMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
  /** Added to the priority of a VIP customer's conversation in this queue (capped at 100). Absent: 20 for a new queue, unchanged for an existing one. */
  vipPriorityBoost: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  /** Hard lock: only the assignee may reply, DM, move to DM or resolve with a follow-up; supervisors take over first. Absent: off for a new queue, unchanged for an existing one. */
  hardLock: Type.Optional(Type.Boolean()),
});
export type QueueConfigInput = Static<typeof QueueConfigInput>;

export const QueueConfig = Type.Intersect([
  Type.Object({ id: Uuid }),
  Type.Omit(QueueConfigInput, ['id']),
  Type.Object({
    waiting: Type.Integer({ minimum: 0 }),
    assigned: Type.Integer({ minimum: 0 }),
  }),
]);
export type QueueConfig = Static<typeof QueueConfig>;

/**
 * A queue's staffing right now, as routing decides with it: the input of the expected wait
 * (metrics owns the figure and adds recent handle times). `slots` and `free` count agents online
 * and on shift in their own timezone; `open` is false outside the queue's business hours.
 */
export const QueueStaffing = Type.Object({
  queueId: Uuid,
  open: Type.Boolean(),
  waiting: Type.Integer({ minimum: 0 }),
  agentsOnline: Type.Integer({ minimum: 0 }),
  /** Conversations the online, on-shift agents can hold at once (Σ capacity). */
  slots: Type.Integer({ minimum: 0 }),
  /** Of those, free now: each agent's capacity left (per-channel limits are not counted: they depend on the next conversation's channel). */
  free: Type.Integer({ minimum: 0 }),
});
export type QueueStaffing = Static<typeof QueueStaffing>;

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
    /** True: only VIP customers' mentions; false: only others'. Absent: anyone. */
    vip: Type.Optional(Type.Boolean()),
  }),
});
export type RoutingRuleInput = Static<typeof RoutingRuleInput>;
export const RoutingRule = Type.Intersect([
  Type.Object({ id: Uuid, position: Type.Integer({ minimum: 0 }) }),
  RoutingRuleInput,
]);
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

const AgentFields = {
  email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  initials: Type.String({ minLength: 1, maxLength: 4 }),
  role: AgentRole,
  languages: Type.Array(Type.String({ minLength: 2, maxLength: 8 }), { maxItems: 50 }),
  queueIds: Type.Array(Uuid, { maxItems: 200 }),
  /** IANA zone (routing checks it). */
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
  capacity: Type.Integer({ minimum: 1, maximum: 100 }),
  /** Each limit at most `capacity`. */
  channelCapacity: ChannelCapacity,
};

/** A new agent (admins). Routing generates the initial password and answers it once. */
export const AgentCreateInput = Type.Object(AgentFields);
export type AgentCreateInput = Static<typeof AgentCreateInput>;

/** The fields to change (absent = unchanged). Supervisors may change languages, queues and capacities only. */
export const AgentUpdateInput = Type.Partial(Type.Object(AgentFields));
export type AgentUpdateInput = Static<typeof AgentUpdateInput>;

export const RoutingRpc = {
  /**
   * Issue 13, for conversations' split: opens a new conversation for one customer message in the
   * queue of the conversation it leaves, under the brand lock, keyed by the message's own X id (its
   * own thread identity), and routes it as any new conversation. Idempotent: a retry answers the
   * conversation already opened. NOT_FOUND when routing does not hold the source conversation.
   */
  OpenSplit: rpc(
    'routing.conversations.open_split',
    Type.Object({
      brandId: Uuid,
      sourceConversationId: Uuid,
      customerXId: Type.String({ minLength: 1, maxLength: 64 }),
      channel: Type.Union([Type.Literal('public'), Type.Literal('dm')]),
      messageXId: Type.String({ minLength: 1, maxLength: 64 }),
      priority: Type.Integer({ minimum: 0, maximum: 100 }),
      language: Type.String({ maxLength: 20 }),
      openedAt: IsoDate,
    }),
    AssignmentView,
  ),
  Assign: rpc(
    'routing.conversations.assign',
    Type.Object({ ...Acting, conversationId: Uuid, agentId: Uuid }),
    AssignmentView,
  ),
  Transfer: rpc(
    'routing.conversations.transfer',
    Type.Object({
      ...Acting,
      conversationId: Uuid,
      toAgentId: Type.Optional(Uuid),
      toQueueId: Type.Optional(Uuid),
      /** For the next agent; at most TRANSFER_NOTE_MAX_LENGTH characters (else BAD_USER_INPUT TRANSFER_NOTE_TOO_LONG). */
      note: Type.Optional(Type.String({ maxLength: 100_000 })),
    }),
    AssignmentView,
  ),
  Unassign: rpc(
    'routing.conversations.unassign',
    Type.Object({ ...Acting, conversationId: Uuid }),
    AssignmentView,
  ),
  SetAgentStatus: rpc(
    'routing.agents.set_status',
    Type.Object({ ...Acting, agentId: Uuid, status: AgentStatus }),
    Type.Object({ agentId: Uuid, status: AgentStatus }),
  ),
  /** Supervisors and admins: the whole brand; agents: themselves only. */
  ListAgents: rpc(
    'routing.agents.list',
    Type.Object({ ...Acting }),
    Type.Object({ agents: Type.Array(AgentProfile) }),
  ),
  /** Admins. `initialPassword` is answered once: only its scrypt hash is stored. CONFLICT `EMAIL_TAKEN`. */
  CreateAgent: rpc(
    'routing.agents.create',
    Type.Object({ ...Acting, agent: AgentCreateInput }),
    Type.Object({ agent: AgentProfile, initialPassword: Type.String({ minLength: 12, maxLength: 200 }) }),
  ),
  /** Admins: any field; supervisors: languages, queueIds, capacity, channelCapacity. Another brand's agent is NOT_FOUND. */
  UpdateAgent: rpc(
    'routing.agents.update',
    Type.Object({ ...Acting, agentId: Uuid, changes: AgentUpdateInput }),
    AgentProfile,
  ),
  /**
   * The caller's own password (agents of any role). BAD_USER_INPUT `WRONG_PASSWORD` (field currentPassword),
   * `PASSWORD_LENGTH` (12..200) or `PASSWORD_UNCHANGED` (field newPassword). Tokens issued before
   * `tokensValidAfter` are revoked (the gateway signs the caller a fresh one).
   */
  ChangePassword: rpc(
    'routing.agents.change_password',
    Type.Object({
      ...Acting,
      currentPassword: Type.String({ maxLength: 200 }),
      newPassword: Type.String({ maxLength: 1000 }),
    }),
    Type.Object({ agent: AgentProfile, tokensValidAfter: IsoDate }),
  ),
  /**
   * Admins, not themselves (FORBIDDEN `OWN_ACCOUNT`). Login refused, status offline, out of routing; their
   * assigned conversations go back to waiting; every token they hold is refused. Idempotent.
   */
  DeactivateAgent: rpc('routing.agents.deactivate', Type.Object({ ...Acting, agentId: Uuid }), AgentProfile),
  /** Admins. The agent may sign in again (tokens from before the deactivation stay refused). Idempotent. */
  ReactivateAgent: rpc('routing.agents.reactivate', Type.Object({ ...Acting, agentId: Uuid }), AgentProfile),
  /** Admins, not themselves (use ChangePassword). A new one-time password, answered once; the agent's tokens are revoked. */
  ResetAgentPassword: rpc(
    'routing.agents.reset_password',
    Type.Object({ ...Acting, agentId: Uuid }),
    Type.Object({ agent: AgentProfile, password: Type.String({ minLength: 12, maxLength: 200 }) }),
  ),
  /**
   * For the services behind the gateway that do not own agents (conversations, metrics): the acting
   * agent's or API key's role as routing holds it now, and whether it may act (an active agent; a key
   * not revoked or expired, whose creator still holds its role when bound). `actor` null: no such
   * agent or key in the brand. The `actorRole`/`agentRole` a request carries is a claim from a token.
   */
  ActorAccess: rpc(
    'routing.agents.access',
    Type.Object({ brandId: Uuid, actorId: Uuid }),
    Type.Object({
      actor: Type.Union([Type.Object({ role: AgentRole, active: Type.Boolean() }), Type.Null()]),
    }),
  ),
  /** For gateways (no actor): agents whose tokens were revoked (password change or reset, deactivation) after `since`, with their access now. */
  ListTokenRevocations: rpc(
    'routing.agents.token_revocations',
    Type.Object({ since: IsoDate }),
    Type.Object({ revocations: Type.Array(AgentAccessChangedV1, { maxItems: 100_000 }) }),
  ),
  ListQueues: rpc(
    'routing.queues.list',
    Type.Object({ ...Acting }),
    Type.Object({ queues: Type.Array(QueueConfig) }),
  ),
  /** Internal (metrics' wait publisher): every queue's staffing now, from the brand's committed state. */
  QueueStaffing: rpc(
    'routing.queues.staffing',
    Type.Object({ brandId: Uuid }),
    Type.Object({ queues: Type.Array(QueueStaffing) }),
  ),
  /** The brand's hard-locked queues (conversations asks before an agent's reply, DM, move to DM or resolve with follow-up). */
  LockedQueues: rpc(
    'routing.queues.locked',
    Type.Object({ brandId: Uuid }),
    Type.Object({ queueIds: Type.Array(Uuid) }),
  ),
  /** Supervisors and admins: assign a conversation to themselves to answer it (a hard-locked queue's way in); audited. */
  TakeOver: rpc(
    'routing.conversations.take_over',
    Type.Object({ ...Acting, conversationId: Uuid }),
    AssignmentView,
  ),
  UpsertQueue: rpc('routing.queues.upsert', Type.Object({ ...Acting, queue: QueueConfigInput }), QueueConfig),
  ListRules: rpc(
    'routing.rules.list',
    Type.Object({ ...Acting }),
    Type.Object({ rules: Type.Array(RoutingRule) }),
  ),
  /**
   * The brand's ordered rule list, replaced as a whole (order is meaning). `expectedRuleIds`: the
   * ids, in order, of the list the caller edited; when another save came first (every save gives
   * its rules new ids) the replace is refused with CONFLICT `RULES_CHANGED`. Absent: last save wins.
   */
  ReplaceRules: rpc(
    'routing.rules.replace',
    Type.Object({
      ...Acting,
      rules: Type.Array(RoutingRuleInput, { maxItems: 500 }),
      expectedRuleIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    }),
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

/**
 * An API key for server-to-server integrations, as listed to admins: never the secret (routing keeps
 * only its SHA-256), only a short prefix to recognise it by.
 */
export const ApiKeyView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  role: AgentRole,
  /** The first characters of the key (`rk_AbCd…`), enough to tell keys apart, useless to an attacker. */
  prefix: Type.String({ maxLength: 16 }),
  createdBy: Uuid,
  createdAt: IsoDate,
  lastUsedAt: Type.Union([IsoDate, Type.Null()]),
  revokedAt: Type.Union([IsoDate, Type.Null()]),
  /** Refused from then on; null: no expiry. */
  expiresAt: Type.Union([IsoDate, Type.Null()]),
  /** True: refused once its creator is deactivated or holds a role below the key's (an admin may unbind it at creation). */
  boundToCreator: Type.Boolean(),
});
export type ApiKeyView = Static<typeof ApiKeyView>;

/** Who a verified key acts as: its brand and role, nothing else. */
export const ApiKeyPrincipal = Type.Object({
  id: Uuid,
  brandId: Uuid,
  role: AgentRole,
  name: Type.String(),
  expiresAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
});
export type ApiKeyPrincipal = Static<typeof ApiKeyPrincipal>;

/** API key management (admins of the key's brand) and verification (the gateway, for any caller). */
export const ApiKeyRpc = {
  /** Answers the secret once; it cannot be read again (only its hash is stored). */
  Create: rpc(
    'routing.api_keys.create',
    Type.Object({
      ...Acting,
      name: Type.String({ minLength: 1, maxLength: 100 }),
      role: AgentRole,
      /** In the future (BAD_USER_INPUT otherwise); absent: the key does not expire. */
      expiresAt: Type.Optional(IsoDate),
      /** Default true: the key dies with its creator's access. */
      boundToCreator: Type.Optional(Type.Boolean()),
    }),
    Type.Object({ key: ApiKeyView, secret: Type.String({ minLength: 20, maxLength: 200 }) }),
  ),
  List: rpc(
    'routing.api_keys.list',
    Type.Object({ ...Acting }),
    Type.Object({ keys: Type.Array(ApiKeyView) }),
  ),
  /** Idempotent: revoking a revoked key answers it unchanged. Another brand's key is NOT_FOUND. */
  Revoke: rpc('routing.api_keys.revoke', Type.Object({ ...Acting, keyId: Uuid }), ApiKeyView),
  /** UNAUTHENTICATED for an unknown, revoked or expired key, or one bound to a creator who lost the access it needs. Records last use (at most once a minute per key). */
  Verify: rpc(
    'routing.api_keys.verify',
    Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }),
    ApiKeyPrincipal,
  ),
} satisfies Record<string, RpcDef>;
