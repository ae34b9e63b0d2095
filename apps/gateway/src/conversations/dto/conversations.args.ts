import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { FIRST_DEFAULT, FIRST_MAX } from '../../common/limits/limits.constants';
import { ConversationFilterInput } from './conversation-filter.input';

export enum ConversationOrder {
  RECENT = 'RECENT',
  URGENT = 'URGENT',
}
registerEnumType(ConversationOrder, {
  name: 'ConversationOrder',
  valuesMap: {
    RECENT: { description: 'Latest message first.' },
    URGENT: { description: 'Highest priority first, then longest open: the inbox order.' },
  },
});

@ArgsType()
export class ConversationsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: FIRST_DEFAULT,
    description: `Page size, default ${FIRST_DEFAULT}; values above ${FIRST_MAX} are capped to ${FIRST_MAX}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  first?: number;

  @Field(() => String, { nullable: true, description: 'An `endCursor` from a previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @Field(() => ConversationOrder, {
    defaultValue: ConversationOrder.RECENT,
    description: 'Cursors are only valid with the order that produced them.',
  })
  @IsOptional()
  @IsIn(Object.values(ConversationOrder))
  order?: ConversationOrder;

  @Field(() => ConversationFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConversationFilterInput)
  filter?: ConversationFilterInput;
}
