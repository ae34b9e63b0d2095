import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CaseLink, CaseSuggestion, Channel, ConversationStatus } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ChannelEnum, ConversationStatusEnum } from './conversation-enums';

export const CaseSuggestionReasonEnum = {
  OTHER_THREAD: 'other_thread',
  OTHER_HANDLE: 'other_handle',
  DM: 'dm',
  QUOTE: 'quote',
} as const;
registerEnumType(CaseSuggestionReasonEnum, {
  name: 'CaseSuggestionReason',
  description:
    'Why another conversation looks like the same case: another X thread, the brand’s other handle, a DM, or a quote of this one.',
});

export const CaseLinkKindEnum = {
  MERGED_FROM: 'merged_from',
  MERGED_INTO: 'merged_into',
  SPLIT_FROM: 'split_from',
  SPLIT_TO: 'split_to',
} as const;
registerEnumType(CaseLinkKindEnum, { name: 'CaseLinkKind' });

@ObjectType('CaseSuggestion', {
  description: 'The same customer’s other open (or resolved within 24 h) conversation, a merge candidate.',
})
export class CaseSuggestionGql {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => ConversationStatusEnum)
  status!: ConversationStatus;

  @Field({ description: 'The brand handle the customer wrote to.' })
  accountHandle!: string;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => DateTimeScalar)
  lastMessageAt!: string;

  @Field(() => String, { nullable: true, description: 'The customer’s latest message there.' })
  lastText!: string | null;

  @Field(() => Int, { description: 'Pass as `expectedVersion` when merging it in.' })
  version!: number;

  @Field(() => CaseSuggestionReasonEnum)
  reason!: CaseSuggestion['reason'];
}

@ObjectType('CaseLink', { description: 'A merge or split this conversation took part in.' })
export class CaseLinkGql {
  @Field(() => CaseLinkKindEnum)
  kind!: CaseLink['kind'];

  @Field(() => ID, { description: 'The other conversation.' })
  conversationId!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => DateTimeScalar)
  at!: string;
}
