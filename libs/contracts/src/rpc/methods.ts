import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { codec, type Codec } from '../codec';
import { AgentRole, Channel, ConversationStatus, IsoDate, MediaItem, Uuid, XId } from '../common';

/** A request/reply method: the gateway (or another service) asks, one instance of the owner answers. */
export interface RpcDef<Req extends TSchema = TSchema, Res extends TSchema = TSchema> {
  readonly method: string;
  readonly request: Codec<Req>;
  readonly response: Codec<Res>;
}
export type RpcRequest<D> = D extends RpcDef<infer Q, TSchema> ? Static<Q> : never;
export type RpcResponse<D> = D extends RpcDef<TSchema, infer R> ? Static<R> : never;

export function rpc<Q extends TSchema, R extends TSchema>(
  method: string,
  request: Q,
  response: R,
): RpcDef<Q, R> {
  return {
    method,
    request: codec(`${method}.request`, request),
    response: codec(`${method}.response`, response),
  };
}

/** Optional limits per channel within an agent's capacity (e.g. at most 2 DMs of 5); absent = only the total counts. */
export const ChannelCapacity = Type.Object(
  { public: Type.Optional(Type.Integer({ minimum: 1 })), dm: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type ChannelCapacity = Static<typeof ChannelCapacity>;

export const AgentProfile = Type.Object({
  id: Uuid,
  brandId: Uuid,
  email: Type.String(),
  name: Type.String(),
  initials: Type.String({ maxLength: 4 }),
  role: AgentRole,
  languages: Type.Array(Type.String()),
  timezone: Type.String(),
  status: Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]),
  capacity: Type.Integer({ minimum: 0 }),
  load: Type.Integer({ minimum: 0 }),
  queueIds: Type.Array(Uuid),
  /** Added with agent management; absent from older routing instances (read as `{}`). */
  channelCapacity: Type.Optional(ChannelCapacity),
  /** Added with deactivation; absent from older routing instances (read as true). */
  active: Type.Optional(Type.Boolean()),
});
export type AgentProfile = Static<typeof AgentProfile>;

export const QueueView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  name: Type.String(),
  team: Type.Union([Type.Literal('care'), Type.Literal('sales')]),
  waiting: Type.Integer({ minimum: 0 }),
  assigned: Type.Integer({ minimum: 0 }),
  oldestWaitingSince: Type.Union([IsoDate, Type.Null()]),
});
export type QueueView = Static<typeof QueueView>;

export const MessageView = Type.Object({
  id: Uuid,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  channel: Channel,
  text: Type.String(),
  xId: Type.Union([XId, Type.Null()]),
  authorHandle: Type.String(),
  agentId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([
    Type.Literal('received'),
    Type.Literal('pending'),
    Type.Literal('sent'),
    Type.Literal('failed'),
  ]),
  createdAt: IsoDate,
  /** Set when X compliance removed the text: the author deleted the tweet, or withdrew the account. */
  redaction: Type.Optional(
    Type.Union([Type.Literal('deleted_by_author'), Type.Literal('author_withdrawn'), Type.Null()]),
  ),
  redactedAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  /**
   * Photos, GIFs and videos on the message: a customer's from X's media expansion; an agent's the
   * attachments it was posted with (`key` is the attachment id, no URL until X serves it).
   */
  media: Type.Optional(Type.Array(MediaItem, { maxItems: 4 })),
});
export type MessageView = Static<typeof MessageView>;

export const ConversationView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  status: ConversationStatus,
  channel: Channel,
  priority: Type.Integer(),
  queueId: Uuid,
  assigneeId: Type.Union([Uuid, Type.Null()]),
  customer: Type.Object({
    id: Uuid,
    xUserId: XId,
    handle: Type.String(),
    name: Type.String(),
    followersCount: Type.Integer(),
    verified: Type.Boolean(),
    /** X compliance: when the customer protected, suspended or deactivated the account (profile and messages redacted). */
    withdrawnAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    /** The team marked the customer VIP (priority boost, the rules' `vip` condition). */
    vip: Type.Optional(Type.Boolean()),
  }),
  /** The conversation's tags (agents' and routing rules'), sorted. */
  tags: Type.Optional(Type.Array(Type.String())),
  language: Type.String(),
  sentiment: Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')]),
  intent: Type.String(),
  replyPath: Type.String(),
  openedAt: IsoDate,
  lastMessageAt: IsoDate,
  messages: Type.Array(MessageView),
});
export type ConversationView = Static<typeof ConversationView>;

export const ConversationFilter = Type.Object({
  status: Type.Optional(Type.Array(ConversationStatus, { maxItems: 4 })),
  queueId: Type.Optional(Uuid),
  assigneeId: Type.Optional(Uuid),
  channel: Type.Optional(Channel),
});
export type ConversationFilter = Static<typeof ConversationFilter>;

const Scoped = { brandId: Uuid };

export const Rpc = {
  Login: rpc(
    'routing.auth.login',
    Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) }),
    AgentProfile,
  ),
  GetAgents: rpc(
    'routing.agents.get',
    Type.Object({ ...Scoped, ids: Type.Optional(Type.Array(Uuid, { maxItems: 500 })) }),
    Type.Object({ agents: Type.Array(AgentProfile) }),
  ),
  GetQueues: rpc(
    'routing.queues.get',
    Type.Object({ ...Scoped, ids: Type.Optional(Type.Array(Uuid, { maxItems: 500 })) }),
    Type.Object({ queues: Type.Array(QueueView) }),
  ),
  ListConversations: rpc(
    'conversations.list',
    Type.Object({
      ...Scoped,
      first: Type.Integer({ minimum: 1, maximum: 100 }),
      after: Type.Optional(Type.String({ maxLength: 200 })),
      filter: Type.Optional(ConversationFilter),
      /** `recent` (default): last message first. `urgent`: highest priority first, then longest open (the inbox order). */
      order: Type.Optional(Type.Union([Type.Literal('recent'), Type.Literal('urgent')])),
      /** Restrict to these queues (an agent sees only their queues and assignments). */
      visibleQueueIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    }),
    Type.Object({
      edges: Type.Array(Type.Object({ cursor: Type.String(), node: ConversationView })),
      pageInfo: Type.Object({
        hasNextPage: Type.Boolean(),
        endCursor: Type.Union([Type.String(), Type.Null()]),
      }),
      totalCount: Type.Integer({ minimum: 0 }),
    }),
  ),
  GetConversation: rpc('conversations.get', Type.Object({ ...Scoped, id: Uuid }), ConversationView),
  /** The conversation holding the customer's tweet (inbound message `x_id`), or null while it is not stored yet. */
  FindConversationByTweet: rpc(
    'conversations.by_tweet.find',
    Type.Object({ ...Scoped, tweetId: XId }),
    Type.Object({ conversationId: Type.Union([Uuid, Type.Null()]) }),
  ),
  Reply: rpc(
    'conversations.reply',
    Type.Object({
      ...Scoped,
      conversationId: Uuid,
      agentId: Uuid,
      agentInitials: Type.String({ maxLength: 4 }),
      text: Type.String({ maxLength: 20000 }),
      /** Client-chosen key: a retried mutation never posts twice. */
      idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
      /** Where to answer; absent: the channel of the customer's latest message. */
      channel: Type.Optional(Channel),
      /** Media staged with `conversations.attachments.stage` (up to 4 images, or 1 GIF or video). */
      attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 8 })),
    }),
    MessageView,
  ),
} as const;
