import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class PresenceArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;
}
