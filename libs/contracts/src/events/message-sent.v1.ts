import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { Channel, IsoDate, Uuid, XId } from '../common';

/** message.sent, schema 1: the brand's reply reached X (tweet or DM id known). */
export const MessageSentV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  messageId: Uuid,
  agentId: Type.Union([Uuid, Type.Null()]),
  queueId: Type.Union([Uuid, Type.Null()]),
  channel: Channel,
  xId: XId,
  inReplyToXId: Type.Optional(XId),
  /** First brand answer in this conversation: closes first-response time. */
  firstResponse: Type.Boolean(),
  conversationOpenedAt: IsoDate,
  sentAt: IsoDate,
});
export type MessageSentV1 = Static<typeof MessageSentV1>;
export const messageSentV1 = codec('message.sent.v1', MessageSentV1);
