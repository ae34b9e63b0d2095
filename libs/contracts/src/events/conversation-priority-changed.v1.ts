import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid } from '../common';

/**
 * conversation.priority_changed, schema 1 (routing): routing raised an open conversation's priority
 * outside a routed mention, e.g. its customer was made VIP (`reason` `vip`). Conversations keeps
 * the higher of its priority and this one, so redelivery and order do not matter.
 */
export const ConversationPriorityChangedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  queueId: Uuid,
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  previousPriority: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Why it changed; a string so that a new reason does not break older consumers. */
  reason: Type.String({ minLength: 1, maxLength: 32 }),
  at: IsoDate,
});
export type ConversationPriorityChangedV1 = Static<typeof ConversationPriorityChangedV1>;
export const conversationPriorityChangedV1 = codec(
  'conversation.priority_changed.v1',
  ConversationPriorityChangedV1,
);
