import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { Channel, IsoDate, Uuid, XId } from '../common';

/**
 * conversation.split, schema 1 (conversations, issue 13): an agent split a customer message out of
 * a conversation into a new one (opened by routing, same customer, brand and queue). Metrics moves
 * the message's facts to the new conversation and recounts both.
 */
export const ConversationSplitV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  sourceConversationId: Uuid,
  messageId: Uuid,
  /** The moved message's tweet or DM id (metrics keys inbound messages by it). */
  messageXId: XId,
  queueId: Uuid,
  assigneeId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting')]),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  channel: Channel,
  language: Type.String(),
  /** The moved message's time: the new conversation's opening. */
  openedAt: IsoDate,
  actorId: Uuid,
  at: IsoDate,
});
export type ConversationSplitV1 = Static<typeof ConversationSplitV1>;
export const conversationSplitV1 = codec('conversation.split.v1', ConversationSplitV1);
