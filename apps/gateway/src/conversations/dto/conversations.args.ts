import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { FIRST_DEFAULT, FIRST_MAX } from '../../common/limits/limits.constants';
import { ConversationFilterInput } from './conversation-filter.input';

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

  @Field(() => ConversationFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConversationFilterInput)
  filter?: ConversationFilterInput;
}
