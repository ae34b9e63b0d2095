import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid } from '../common';
import { MentionReceivedV1 } from './mention-received.v1';

/**
 * conversation.routed, schema 1: routing placed a mention in a conversation, a queue and (when an
 * eligible agent had capacity) an agent. Conversations stores the message; metrics and the gateway
 * follow the queue.
 */
export const ConversationRoutedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  /** True when this mention opened the conversation (or reopened a resolved one). */
  opened: Type.Boolean(),
  queueId: Uuid,
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting')]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  mention: MentionReceivedV1,
  /** The queue's counters right after this decision (consoles show them once the message is stored). */
  queueSnapshot: Type.Object({
    waiting: Type.Integer({ minimum: 0 }),
    assigned: Type.Integer({ minimum: 0 }),
    oldestWaitingSince: Type.Union([IsoDate, Type.Null()]),
  }),
  routedAt: IsoDate,
  /**
   * Present when this mention opened a conversation in a queue outside its business hours: when
   * the queue opens again (null if its hours never open) and its timezone. Conversations may then
   * post the brand's out-of-hours acknowledgement, once per conversation.
   */
  /**
   * Present when this mention opened a conversation and a routing rule chose its queue: the rule's
   * id and its tags, which conversations adds to the conversation's tags (once, audited with the
   * rule id). Mentions that join or reopen a conversation carry none: the opening mention's rule tags it.
   */
  rule: Type.Optional(
    Type.Object({
      id: Uuid,
      tags: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
    }),
  ),
  queueClosed: Type.Optional(
    Type.Object({
      reopensAt: Type.Union([IsoDate, Type.Null()]),
      timezone: Type.String({ minLength: 1 }),
    }),
  ),
});
export type ConversationRoutedV1 = Static<typeof ConversationRoutedV1>;
export const conversationRoutedV1 = codec('conversation.routed.v1', ConversationRoutedV1);
