import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ConversationStatus, QueueUpdatedV1 } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ConversationStatusEnum } from '../../conversations/models/conversation-enums';

export const QueueUpdateReasonEnum = {
  CONVERSATION_ROUTED: 'conversation_routed',
  CONVERSATION_ASSIGNED: 'conversation_assigned',
  CONVERSATION_UPDATED: 'conversation_updated',
  MESSAGE_SENT: 'message_sent',
  SNAPSHOT: 'snapshot',
} as const;
registerEnumType(QueueUpdateReasonEnum, { name: 'QueueUpdateReason' });

/**
 * A live change in one queue: its counters after the change and the conversation that caused it.
 * Resolved straight from the QueueUpdatedV1 payload: fields here must not depend on who asks
 * (beyond brand and permission scope), because one execution is shared by identical subscribers.
 */
@ObjectType('QueueUpdate')
export class QueueUpdateGql {
  @Field(() => ID)
  queueId!: string;

  @Field(() => QueueUpdateReasonEnum)
  reason!: QueueUpdatedV1['reason'];

  @Field(() => ID, { nullable: true })
  conversationId!: string | null;

  @Field(() => ConversationStatusEnum, { nullable: true })
  conversationStatus!: ConversationStatus | null;

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  assigned!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  oldestWaitingSince!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  at!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the originating tweet was created, if any.',
  })
  sourceCreatedAt!: string | null;
}
