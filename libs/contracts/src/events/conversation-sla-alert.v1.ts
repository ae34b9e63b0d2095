import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid } from '../common';

/**
 * conversation.sla_alert, schema 1 (routing): a conversation still awaiting its first answer
 * reached its queue's warning point (priority raised) or breached its first-response target
 * (reassigned or escalated per the queue's policy, `action`). Emitted once per conversation and
 * kind, for supervisors (`slaAlerts` subscription) and reports. Message id `sla:<kind>:<conversationId>`.
 */
export const ConversationSlaAlertV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  conversationId: Uuid,
  kind: Type.Union([Type.Literal('warning'), Type.Literal('breach')]),
  /** The queue the conversation was in when the alert was raised. */
  queueId: Uuid,
  /** Where it is after the alert's action (differs from queueId after an escalation). */
  currentQueueId: Uuid,
  assigneeId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting'), Type.Literal('snoozed')]),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  /** First-response deadline of the conversation. */
  deadline: IsoDate,
  action: Type.Union([
    Type.Literal('priority_raised'),
    Type.Literal('reassigned'),
    Type.Literal('escalated'),
    Type.Literal('none'),
  ]),
  at: IsoDate,
});
export type ConversationSlaAlertV1 = Static<typeof ConversationSlaAlertV1>;
export const conversationSlaAlertV1 = codec('conversation.sla_alert.v1', ConversationSlaAlertV1);
