import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { AgentRole, Channel, ConversationStatus, IsoDate, Uuid, XId } from '../common';
import { ConversationView, MessageView, rpc, type RpcDef } from './methods';

/** Decoded bytes per `AppendAttachment` piece: its base64 stays well under NATS's 1 MB message. */
export const ATTACHMENT_PIECE_BYTES = 512 * 1024;

/** Who acts: every agent action carries the brand, the acting agent, their role and initials (audit log, signature). */
const Actor = {
  brandId: Uuid,
  agentId: Uuid,
  agentRole: AgentRole,
  agentInitials: Type.String({ minLength: 1, maxLength: 4 }),
};
/** Optimistic concurrency: when given, the action is refused with CONFLICT unless the conversation is still at this version. */
const ExpectedVersion = { expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) };
const IdempotencyKey = Type.Optional(Type.String({ minLength: 8, maxLength: 100 }));

/** How the brand may answer a conversation; `public` false means X's reply policy forbids an API reply in public. */
export const ReplyOptions = Type.Object({
  public: Type.Boolean(),
  /** Paths offered to the agent before typing, best first: `public`, `dm`, `open_in_x`, `quote`. */
  offered: Type.Array(
    Type.Union([
      Type.Literal('public'),
      Type.Literal('dm'),
      Type.Literal('open_in_x'),
      Type.Literal('quote'),
    ]),
  ),
  /** The customer's latest tweet on x.com, for answering by hand. */
  openInXUrl: Type.Union([Type.String(), Type.Null()]),
});
export type ReplyOptions = Static<typeof ReplyOptions>;

/** Why another conversation is suggested as the same case (issue 13). */
export const CaseSuggestionReason = Type.Union([
  Type.Literal('other_thread'),
  Type.Literal('other_handle'),
  Type.Literal('dm'),
  Type.Literal('quote'),
]);
export type CaseSuggestionReason = Static<typeof CaseSuggestionReason>;

/** The same customer's other open (or resolved within 24 h) conversation of the brand. */
export const CaseSuggestion = Type.Object({
  conversationId: Uuid,
  channel: Channel,
  status: ConversationStatus,
  queueId: Uuid,
  assigneeId: Type.Union([Uuid, Type.Null()]),
  accountHandle: Type.String(),
  openedAt: IsoDate,
  lastMessageAt: IsoDate,
  lastText: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer({ minimum: 1 }),
  reason: CaseSuggestionReason,
});
export type CaseSuggestion = Static<typeof CaseSuggestion>;

/** A merge or split in a conversation's history (issue 13). */
export const CaseLink = Type.Object({
  kind: Type.Union([
    Type.Literal('merged_from'),
    Type.Literal('merged_into'),
    Type.Literal('split_from'),
    Type.Literal('split_to'),
  ]),
  conversationId: Uuid,
  actorId: Type.Union([Uuid, Type.Null()]),
  at: IsoDate,
});
export type CaseLink = Static<typeof CaseLink>;
/** A transfer in the conversation's history: who moved it, from and to which agent and queue, with their note. */
export const TransferView = Type.Object({
  at: IsoDate,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  fromAgentId: Type.Union([Uuid, Type.Null()]),
  fromQueueId: Type.Union([Uuid, Type.Null()]),
  toAgentId: Type.Union([Uuid, Type.Null()]),
  toQueueId: Type.Union([Uuid, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type TransferView = Static<typeof TransferView>;

export const ConversationDetail = Type.Object({
  conversation: ConversationView,
  version: Type.Integer({ minimum: 1 }),
  tags: Type.Array(Type.String()),
  snoozedUntil: Type.Union([IsoDate, Type.Null()]),
  movedToDmAt: Type.Union([IsoDate, Type.Null()]),
  /** Set once the conversation moved to DM: resolving then asks for a public follow-up. */
  followUpRequired: Type.Boolean(),
  replyOptions: ReplyOptions,
  /** Set when this conversation was merged into another: it is resolved for good, its messages are there. */
  mergedIntoId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  /** Merges and splits this conversation took part in, oldest first. */
  links: Type.Optional(Type.Array(CaseLink)),
  /** Added later (optional for older answers): the transfers, oldest first. */
  transfers: Type.Optional(Type.Array(TransferView)),
  /** Added later (optional): the conversation's queue is hard-locked (only the assignee answers). Absent: routing did not answer. */
  hardLock: Type.Optional(Type.Boolean()),
});
export type ConversationDetail = Static<typeof ConversationDetail>;

export const ActionResult = Type.Object({
  conversationId: Uuid,
  status: ConversationStatus,
  version: Type.Integer({ minimum: 1 }),
  tags: Type.Array(Type.String()),
});
export type ActionResult = Static<typeof ActionResult>;

export const NoteView = Type.Object({
  id: Uuid,
  customerId: Uuid,
  conversationId: Type.Union([Uuid, Type.Null()]),
  authorId: Uuid,
  authorInitials: Type.String(),
  text: Type.String(),
  createdAt: IsoDate,
});
export type NoteView = Static<typeof NoteView>;

export const CustomerProfile = Type.Object({
  id: Uuid,
  brandId: Uuid,
  xUserId: XId,
  handle: Type.String(),
  name: Type.String(),
  followersCount: Type.Integer(),
  verified: Type.Boolean(),
  language: Type.Union([Type.String(), Type.Null()]),
  vip: Type.Boolean(),
  tags: Type.Array(Type.String()),
  firstSeenAt: IsoDate,
  /** X compliance: the customer protected, suspended or deactivated the account; the profile and their messages are redacted. */
  withdrawnAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  withdrawnReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  notes: Type.Array(NoteView),
  /** Every conversation with this customer, on every channel, newest first. */
  history: Type.Array(
    Type.Object({
      conversationId: Uuid,
      channel: Channel,
      status: ConversationStatus,
      openedAt: IsoDate,
      lastMessageAt: IsoDate,
      messageCount: Type.Integer({ minimum: 0 }),
      lastText: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type CustomerProfile = Static<typeof CustomerProfile>;

export const CannedReply = Type.Object({
  id: Uuid,
  language: Type.String({ minLength: 2, maxLength: 10 }),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  /** Variables: `{{customer_name}}`, `{{agent_initials}}`, `{{queue_hours}}`. */
  body: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type CannedReply = Static<typeof CannedReply>;

export const BrandGuidelines = Type.Object({
  bannedPhrases: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 }),
  /** Opening hours per queue id (free text shown to customers), `default` for the rest. */
  queueHours: Type.Record(Type.String(), Type.String({ maxLength: 200 })),
});
export type BrandGuidelines = Static<typeof BrandGuidelines>;

/**
 * Posts the brand makes without an agent (issues 4 and 6). Templates use `{variable}`; unknown
 * variables stay as written. Signed by the brand account itself: no agent initials are appended.
 */
export const AutoPostSettings = Type.Object({
  /** One public reply under the mention that opened a conversation while its queue was closed. */
  outOfHoursAck: Type.Object({
    enabled: Type.Boolean(),
    /**
     * Template per language (`en`, `es`, `pt-BR`…), chosen by the conversation's language, then
     * its base language, then `en`, then the built-in English default. Variables: `{customer_name}`,
     * `{handle}` (the customer's @handle), `{back_at}` (when the queue reopens, in its timezone and
     * the template's language). The customer's @handle is put in front when the template does not
     * contain it (X refuses the same text twice from one account).
     */
    templates: Type.Record(
      Type.String({ minLength: 2, maxLength: 10 }),
      Type.String({ minLength: 1, maxLength: 1000 }),
    ),
  }),
  /** A standalone status tweet with a queue's expected wait, from metrics' `queue.wait_estimated`. */
  waitStatus: Type.Object({
    enabled: Type.Boolean(),
    queueId: Type.Union([Uuid, Type.Null()]),
    /** Variables: `{wait}` (e.g. "about 25 minutes"), `{wait_minutes}`, `{time}` (HH:mm in `timezone`). Empty: the built-in English default. */
    template: Type.String({ maxLength: 1000 }),
    /** IANA timezone for `{time}`. */
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    /** The brand handle that posts; null: the handle of the brand's latest conversation. */
    accountHandle: Type.Union([Type.String({ minLength: 1, maxLength: 15 }), Type.Null()]),
    /** At most one status tweet per queue in this many minutes. */
    minIntervalMinutes: Type.Integer({ minimum: 5, maximum: 10080 }),
    /** Post only when the wait moved by more than this percentage since the last status tweet. */
    minChangePercent: Type.Number({ minimum: 0, maximum: 1000 }),
  }),
});
export type AutoPostSettings = Static<typeof AutoPostSettings>;

export const PresenceState = Type.Union([
  Type.Literal('viewing'),
  Type.Literal('typing'),
  Type.Literal('left'),
]);

/**
 * Request/reply methods the conversations service answers, added by the conversations service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `conversations.<noun>.<verb>`.
 * Every method's errors are typed (`DomainError` codes): NOT_FOUND, FORBIDDEN, BAD_USER_INPUT with `details.reason`,
 * CONFLICT with `details.reason` `VERSION_MISMATCH` or `MESSAGE_ALREADY_ANSWERED` (naming the message).
 */
export const ConversationsRpc = {
  GetDetail: rpc(
    'conversations.detail.get',
    Type.Object({ brandId: Uuid, conversationId: Uuid }),
    ConversationDetail,
  ),
  SendDm: rpc(
    'conversations.dm.send',
    Type.Object({
      ...Actor,
      conversationId: Uuid,
      text: Type.String({ maxLength: 20000 }),
      idempotencyKey: IdempotencyKey,
      /** One staged image or GIF (X: one attachment per DM). */
      attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 8 })),
    }),
    MessageView,
  ),
  /** Public invitation ("we sent you a DM") under the customer's tweet, then the DM; the conversation becomes a DM one. */
  MoveToDm: rpc(
    'conversations.dm.move',
    Type.Object({
      ...Actor,
      ...ExpectedVersion,
      conversationId: Uuid,
      invitation: Type.String({ maxLength: 20000 }),
      dmText: Type.String({ maxLength: 20000 }),
      idempotencyKey: IdempotencyKey,
    }),
    Type.Object({ invitation: MessageView, dm: MessageView }),
  ),
  /** Refused with BAD_USER_INPUT `FOLLOW_UP_REQUIRED` when the conversation moved to DM and neither followUp nor skipFollowUp is given. */
  Resolve: rpc(
    'conversations.resolve',
    Type.Object({
      ...Actor,
      ...ExpectedVersion,
      conversationId: Uuid,
      followUp: Type.Optional(Type.String({ maxLength: 20000 })),
      skipFollowUp: Type.Optional(Type.Boolean()),
      idempotencyKey: IdempotencyKey,
    }),
    Type.Object({ result: ActionResult, followUp: Type.Union([MessageView, Type.Null()]) }),
  ),
  AddNote: rpc(
    'conversations.note.add',
    Type.Object({ ...Actor, conversationId: Uuid, text: Type.String({ minLength: 1, maxLength: 5000 }) }),
    NoteView,
  ),
  Tag: rpc(
    'conversations.tags.set',
    Type.Object({
      ...Actor,
      ...ExpectedVersion,
      conversationId: Uuid,
      add: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }),
      remove: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }),
    }),
    ActionResult,
  ),
  Snooze: rpc(
    'conversations.snooze',
    Type.Object({ ...Actor, ...ExpectedVersion, conversationId: Uuid, until: IsoDate }),
    ActionResult,
  ),
  Reopen: rpc(
    'conversations.reopen',
    Type.Object({ ...Actor, ...ExpectedVersion, conversationId: Uuid }),
    ActionResult,
  ),
  GetCustomer: rpc(
    'conversations.customer.get',
    Type.Object({ brandId: Uuid, customerId: Uuid }),
    CustomerProfile,
  ),
  UpdateCustomer: rpc(
    'conversations.customer.update',
    Type.Object({
      ...Actor,
      customerId: Uuid,
      vip: Type.Optional(Type.Boolean()),
      addTags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
      removeTags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
      note: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
    }),
    CustomerProfile,
  ),
  ListCanned: rpc(
    'conversations.canned.list',
    Type.Object({ brandId: Uuid, language: Type.Optional(Type.String({ maxLength: 10 })) }),
    Type.Object({ replies: Type.Array(CannedReply) }),
  ),
  /** Supervisors and admins only. */
  SaveCanned: rpc(
    'conversations.canned.save',
    Type.Object({
      ...Actor,
      language: CannedReply.properties.language,
      title: CannedReply.properties.title,
      body: CannedReply.properties.body,
    }),
    CannedReply,
  ),
  /** Fills a canned reply's variables for one conversation (customer name, agent initials, queue hours). */
  RenderCanned: rpc(
    'conversations.canned.render',
    Type.Object({ ...Actor, conversationId: Uuid, cannedReplyId: Uuid }),
    Type.Object({ text: Type.String() }),
  ),
  GetGuidelines: rpc('conversations.guidelines.get', Type.Object({ brandId: Uuid }), BrandGuidelines),
  /** Supervisors and admins only. */
  SetGuidelines: rpc(
    'conversations.guidelines.set',
    Type.Object({ ...Actor, guidelines: BrandGuidelines }),
    BrandGuidelines,
  ),
  /** The brand's automatic posts (defaults when never set: both off, built-in English templates). */
  GetAutoPosts: rpc('conversations.auto_posts.get', Type.Object({ brandId: Uuid }), AutoPostSettings),
  /**
   * Supervisors and admins only. BAD_USER_INPUT `REPLY_TOO_LONG` (a template cannot fit 280 weighted characters,
   * `details.fields`), `QUEUE_REQUIRED` (wait status on without a queue), `INVALID_TIMEZONE`.
   */
  SetAutoPosts: rpc(
    'conversations.auto_posts.set',
    Type.Object({ ...Actor, settings: AutoPostSettings }),
    AutoPostSettings,
  ),
  /** Issue 13: the same customer's other open (or resolved within 24 h) conversations of the brand, newest first, with why. */
  CaseSuggestions: rpc(
    'conversations.cases.suggestions',
    Type.Object({ brandId: Uuid, conversationId: Uuid }),
    Type.Object({ suggestions: Type.Array(CaseSuggestion) }),
  ),
  /**
   * Merges `sourceId` into `targetId` (same brand and customer): messages, notes and tags move to
   * the target, the source is resolved for good (`mergedIntoId`). `expectedVersion` is the source's.
   * BAD_USER_INPUT `MERGE_DIFFERENT_CUSTOMER`, `MERGE_INTO_ITSELF`, `ALREADY_MERGED`,
   * `MERGE_TARGET_RESOLVED`; FORBIDDEN `NOT_ASSIGNEE`, `CONVERSATION_LOCKED`; NOT_FOUND for
   * another brand's id; CONFLICT `VERSION_MISMATCH`.
   */
  Merge: rpc(
    'conversations.cases.merge',
    Type.Object({ ...Actor, ...ExpectedVersion, targetId: Uuid, sourceId: Uuid }),
    Type.Object({ target: ActionResult, source: ActionResult }),
  ),
  /**
   * Splits an inbound customer message out into a new conversation (opened by routing in the same
   * queue). BAD_USER_INPUT `SPLIT_NOT_INBOUND`, `SPLIT_ONLY_MESSAGE`, `SPLIT_DM_UNSUPPORTED`; NOT_FOUND.
   */
  Split: rpc(
    'conversations.cases.split',
    Type.Object({ ...Actor, ...ExpectedVersion, conversationId: Uuid, messageId: Uuid }),
    Type.Object({ source: ActionResult, created: ActionResult }),
  ),
  /**
   * An agent's media for a later reply or DM, sent in pieces (NATS carries ~1 MB a message): stage
   * names the type (sniffed by the caller from the bytes, checked again here), the size and the
   * SHA-256; append adds piece `index` (base64, at most ATTACHMENT_PIECE_BYTES decoded), in order;
   * the last piece completes it once its bytes hash to `sha256`. BAD_USER_INPUT `MEDIA_TOO_LARGE`,
   * `UNSUPPORTED_MEDIA_TYPE`, `MEDIA_CORRUPT`; a repeated piece is a no-op.
   */
  StageAttachment: rpc(
    'conversations.attachments.stage',
    Type.Object({
      ...Actor,
      mediaType: Type.String({ maxLength: 64 }),
      sizeBytes: Type.Integer({ minimum: 1 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    }),
    Type.Object({ attachmentId: Uuid }),
  ),
  AppendAttachment: rpc(
    'conversations.attachments.append',
    Type.Object({
      ...Actor,
      attachmentId: Uuid,
      index: Type.Integer({ minimum: 0, maximum: 100_000 }),
      data: Type.String({ maxLength: 700_000 }),
    }),
    Type.Object({ receivedBytes: Type.Integer(), complete: Type.Boolean() }),
  ),
  /** Announces who views or types a conversation (live only, nothing stored): see ConversationsLive.Presence. */
  SetPresence: rpc(
    'conversations.presence.set',
    Type.Object({ ...Actor, conversationId: Uuid, state: PresenceState }),
    Type.Object({ ok: Type.Literal(true) }),
  ),
} satisfies Record<string, RpcDef>;

/** live.presence, schema 1: an agent views, types in or leaves a conversation. Core NATS `<ns>.live.presence.<brandId>.<conversationId>`. */
export const PresenceChangedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  agentId: Uuid,
  agentInitials: Type.String(),
  state: PresenceState,
  at: IsoDate,
});
export type PresenceChangedV1 = Static<typeof PresenceChangedV1>;

export const ConversationsLive = {
  Presence: { name: 'live.presence', codec: codec('live.presence.v1', PresenceChangedV1) },
} as const;
