import { Field, ID, InputType } from '@nestjs/graphql';
import type { Channel } from '@roost/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ChannelEnum } from '../../conversations/models/conversation-enums';

@InputType('ReportFilter', {
  description: 'Every id must belong to your brand; agents may filter on themselves only.',
})
export class ReportFilterInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  queueIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  agentIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  languages?: string[];

  @Field(() => [ChannelEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsIn(Object.values(ChannelEnum), { each: true })
  channels?: Channel[];
}
