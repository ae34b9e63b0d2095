import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { ConversationStatus, IsoDate, Uuid } from '../common';

/**
 * conversation.status_changed, schema 1 (conversations): an agent resolved, snoozed or reopened
 * a conversation, a snooze ended, or a customer wrote again within the reopen window. Routing
 * frees (or takes back) the assignee's capacity; metrics closes resolution time.
 */
export const ConversationStatusChangedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  queueId: Uuid,
  assigneeId: Type.Union([Uuid, Type.Null()]),
  status: ConversationStatus,
  previousStatus: ConversationStatus,
  reason: Type.Union([
    Type.Literal('resolved'),
    Type.Literal('snoozed'),
    Type.Literal('unsnoozed'),
    Type.Literal('reopened_by_agent'),
    Type.Literal('reopened_by_customer'),
  ]),
  actorId: Type.Union([Uuid, Type.Null()]),
  openedAt: IsoDate,
  at: IsoDate,
  /**
   * Issue 13: set when this conversation was resolved by merging it into another (the target).
   * Routing frees its slot without keeping it reopenable and sends its thread to the target;
   * metrics moves its facts there. Optional: older producers and consumers still decode the event.
   */
  mergedIntoId: Type.Optional(Uuid),
  /** With `mergedIntoId`: the target's opening before the merge (metrics merges the two openings). */
  targetOpenedAt: Type.Optional(IsoDate),
});
export type ConversationStatusChangedV1 = Static<typeof ConversationStatusChangedV1>;
export const conversationStatusChangedV1 = codec(
  'conversation.status_changed.v1',
  ConversationStatusChangedV1,
);
