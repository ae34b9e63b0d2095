import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ConversationStatus, ReplyOptions } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ConversationStatusEnum } from './conversation-enums';
import { ConversationGql } from './conversation.model';
import { CaseLinkGql } from './case.model';
import { MessageGql } from './message.model';

export const ReplyPathEnum = { PUBLIC: 'public', DM: 'dm', OPEN_IN_X: 'open_in_x', QUOTE: 'quote' } as const;
registerEnumType(ReplyPathEnum, {
  name: 'ReplyPath',
  description: 'How the brand may answer, under X’s reply policy.',
});

@ObjectType('ReplyOptions')
export class ReplyOptionsGql {
  @Field({ description: 'False: X’s policy forbids an API reply in public (offer DM or open in X).' })
  public!: boolean;

  @Field(() => [ReplyPathEnum], { description: 'Best first.' })
  offered!: ReplyOptions['offered'];

  @Field(() => String, {
    nullable: true,
    description: 'The customer’s latest tweet on x.com, to answer by hand.',
  })
  openInXUrl!: string | null;
}

@ObjectType('ConversationTransfer', {
  description: 'A transfer in the conversation’s history, with the note left for the next agent.',
})
export class ConversationTransferGql {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => ID, { nullable: true, description: 'Who transferred it (an agent; null for an API key).' })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => ID, { nullable: true })
  fromAgentId!: string | null;

  @Field(() => ID, { nullable: true })
  fromQueueId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Null: transferred to a queue’s waiting list.' })
  toAgentId!: string | null;

  @Field(() => ID, { nullable: true })
  toQueueId!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('ConversationDetail')
export class ConversationDetailGql {
  @Field(() => ConversationGql)
  conversation!: ConversationGql;

  @Field(() => Int, {
    description: 'Pass as `expectedVersion` to refuse an action on a stale view (CONFLICT).',
  })
  version!: number;

  @Field(() => [String])
  tags!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  snoozedUntil!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  movedToDmAt!: string | null;

  @Field({ description: 'Moved to DM: resolving asks for a public follow-up (or skipFollowUp).' })
  followUpRequired!: boolean;

  @Field(() => ReplyOptionsGql)
  replyOptions!: ReplyOptionsGql;

  @Field(() => ID, {
    nullable: true,
    description: 'Merged into this conversation: resolved for good, its messages are there.',
  })
  mergedIntoId?: string | null;

  @Field(() => [CaseLinkGql], {
    description: 'Merges and splits this conversation took part in, oldest first.',
  })
  links?: CaseLinkGql[];
  @Field(() => [ConversationTransferGql], { description: 'Transfers, oldest first.' })
  transfers!: ConversationTransferGql[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The queue is hard-locked: only the assignee answers (others get FORBIDDEN, reason CONVERSATION_LOCKED); supervisors take over first. Null: routing did not answer.',
  })
  hardLock!: boolean | null;
}

@ObjectType('ActionResult')
export class ActionResultGql {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => ConversationStatusEnum)
  status!: ConversationStatus;

  @Field(() => Int)
  version!: number;

  @Field(() => [String])
  tags!: string[];
}

@ObjectType('ResolveResult')
export class ResolveResultGql {
  @Field(() => ActionResultGql)
  result!: ActionResultGql;

  @Field(() => MessageGql, { nullable: true, description: 'The public follow-up posted, if any.' })
  followUp!: MessageGql | null;
}

@ObjectType('MoveToDmResult')
export class MoveToDmResultGql {
  @Field(() => MessageGql, { description: 'The public invitation under the customer’s tweet.' })
  invitation!: MessageGql;

  @Field(() => MessageGql)
  dm!: MessageGql;
}

@ObjectType('MergeResult')
export class MergeResultGql {
  @Field(() => ActionResultGql, { description: 'The conversation that now holds both.' })
  target!: ActionResultGql;

  @Field(() => ActionResultGql, { description: 'The merged conversation: resolved for good.' })
  source!: ActionResultGql;
}

@ObjectType('SplitResult')
export class SplitResultGql {
  @Field(() => ActionResultGql)
  source!: ActionResultGql;

  @Field(() => ActionResultGql, {
    description: 'The new conversation holding the message, routed to its queue.',
  })
  created!: ActionResultGql;
}
