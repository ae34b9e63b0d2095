import { Extensions, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, ConversationStatus } from '@roost/contracts';
import { COST_LIST_SIZE_EXTENSION } from '../../common/limits/limits.constants';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ChannelEnum, ConversationStatusEnum } from './conversation-enums';

@ObjectType('Note')
export class NoteGql {
  @Field(() => ID) id!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => ID, { nullable: true }) conversationId!: string | null;
  @Field(() => ID) authorId!: string;
  @Field() authorInitials!: string;
  @Field() text!: string;
  @Field(() => DateTimeScalar) createdAt!: string;
}

@ObjectType('CustomerHistoryEntry')
export class CustomerHistoryEntryGql {
  @Field(() => ID) conversationId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => ConversationStatusEnum) status!: ConversationStatus;
  @Field(() => DateTimeScalar) openedAt!: string;
  @Field(() => DateTimeScalar) lastMessageAt!: string;
  @Field(() => Int) messageCount!: number;
  @Field(() => String, { nullable: true }) lastText!: string | null;
}

@ObjectType('CustomerProfile', {
  description: 'A customer with shared notes and every conversation, newest first.',
})
export class CustomerProfileGql {
  @Field(() => ID) id!: string;
  @Field() xUserId!: string;
  @Field() handle!: string;
  @Field() name!: string;
  @Field(() => Float, {
    description: 'Whole number; a Float because X counts can pass 2^31 (GraphQL Int is 32-bit).',
  })
  followersCount!: number;
  @Field() verified!: boolean;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field() vip!: boolean;
  @Field(() => [String]) tags!: string[];
  @Field(() => DateTimeScalar) firstSeenAt!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Set when the customer protected, deleted or lost their X account: name, handle and their messages are redacted; notes stay.',
  })
  withdrawnAt?: string | null;

  @Field(() => String, { nullable: true, description: "X's reason: protected, suspended or deactivated." })
  withdrawnReason?: string | null;

  @Field(() => [NoteGql])
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 50 })
  notes!: NoteGql[];

  @Field(() => [CustomerHistoryEntryGql])
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 50 })
  history!: CustomerHistoryEntryGql[];
}

@ObjectType('CannedReply')
export class CannedReplyGql {
  @Field(() => ID) id!: string;
  @Field() language!: string;
  @Field() title!: string;
  @Field({ description: 'Variables: `{{customer_name}}`, `{{agent_initials}}`, `{{queue_hours}}`.' })
  body!: string;
}

@ObjectType('QueueHours')
export class QueueHoursGql {
  @Field({ description: 'A queue id, or `default`.' }) queueId!: string;
  @Field() hours!: string;
}

@ObjectType('BrandGuidelines')
export class BrandGuidelinesGql {
  @Field(() => [String], { description: 'Replies containing one are refused (GUIDELINE_VIOLATION).' })
  bannedPhrases!: string[];

  @Field(() => [QueueHoursGql])
  queueHours!: QueueHoursGql[];
}
