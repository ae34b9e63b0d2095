import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, TRANSFER_NOTE_MAX_LENGTH, Uuid } from '../common';

/**
 * conversation.assigned, schema 1 (routing): a conversation's queue or assignee changed after it
 * was first routed: pulled from the waiting list, assigned or transferred by hand, unassigned,
 * reassigned at SLA breach, or assigned once skill requirements relaxed.
 */
export const ConversationAssignedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  queueId: Uuid,
  previousQueueId: Type.Union([Uuid, Type.Null()]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  previousAssigneeId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting')]),
  reason: Type.Union([
    Type.Literal('from_waiting_list'),
    Type.Literal('manual_assign'),
    Type.Literal('transfer'),
    Type.Literal('unassign'),
    Type.Literal('sla_reassign'),
    Type.Literal('skills_relaxed'),
    Type.Literal('agent_unavailable'),
  ]),
  /** Set when the assignee does not read the customer's language. */
  translationHint: Type.Boolean(),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  actorId: Type.Union([Uuid, Type.Null()]),
  queueSnapshot: Type.Object({
    waiting: Type.Integer({ minimum: 0 }),
    assigned: Type.Integer({ minimum: 0 }),
    oldestWaitingSince: Type.Union([IsoDate, Type.Null()]),
  }),
  at: IsoDate,
  /**
   * Added later (optional: older producers omit it, older consumers ignore it). A transfer's note
   * for the next agent, with the transferring actor's name (the actor is `actorId`).
   */
  /** Added later (optional): a supervisor or admin took the conversation over (reason `manual_assign`, assignee = actor). */
  takeOver: Type.Optional(Type.Literal(true)),
  transferNote: Type.Optional(
    Type.Object({
      text: Type.String({ minLength: 1, maxLength: TRANSFER_NOTE_MAX_LENGTH }),
      authorName: Type.String(),
    }),
  ),
});
export type ConversationAssignedV1 = Static<typeof ConversationAssignedV1>;
export const conversationAssignedV1 = codec('conversation.assigned.v1', ConversationAssignedV1);
