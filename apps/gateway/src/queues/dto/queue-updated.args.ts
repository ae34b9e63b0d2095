import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class QueueUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'One queue; omit for every queue you may see.' })
  @IsOptional()
  @IsUUID()
  queueId?: string;
}
