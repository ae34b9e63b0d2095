import { Field, ID, InputType } from '@nestjs/graphql';
import type { Channel, ConversationStatus } from '@roost/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ChannelEnum, ConversationStatusEnum } from '../models/conversation-enums';

@InputType('ConversationFilter')
export class ConversationFilterInput {
  @Field(() => [ConversationStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  status?: ConversationStatus[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field(() => ChannelEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ChannelEnum))
  channel?: Channel;
}
