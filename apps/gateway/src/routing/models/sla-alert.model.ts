import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ConversationSlaAlertV1 } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { AssignmentStatusEnum } from './routing.models';

export const SlaAlertKindEnum = { WARNING: 'warning', BREACH: 'breach' } as const;
registerEnumType(SlaAlertKindEnum, {
  name: 'SlaAlertKind',
  description: 'WARNING: the queue’s warning point passed; BREACH: the first-response target passed.',
});

export const SlaAlertActionEnum = {
  PRIORITY_RAISED: 'priority_raised',
  REASSIGNED: 'reassigned',
  ESCALATED: 'escalated',
  NONE: 'none',
} as const;
registerEnumType(SlaAlertActionEnum, {
  name: 'SlaAlertAction',
  description: 'What routing did about it, per the queue’s policy.',
});

/** Routing's ConversationSlaAlertV1, as is (a pure projection: executions are shared). */
@ObjectType('SlaAlert', {
  description:
    'A conversation still awaiting its first answer reached its warning point or breached its SLA.',
})
export class SlaAlertGql {
  @Field(() => ID) conversationId!: string;
  @Field(() => SlaAlertKindEnum) kind!: ConversationSlaAlertV1['kind'];
  @Field(() => ID, { description: 'The queue the conversation was in when the alert was raised.' })
  queueId!: string;
  @Field(() => ID, { description: 'Where it is after the action (differs after an escalation).' })
  currentQueueId!: string;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => AssignmentStatusEnum) status!: ConversationSlaAlertV1['status'];
  @Field(() => Int) priority!: number;
  @Field(() => DateTimeScalar, { description: 'First-response deadline.' }) deadline!: string;
  @Field(() => SlaAlertActionEnum) action!: ConversationSlaAlertV1['action'];
  @Field(() => DateTimeScalar) at!: string;
}
