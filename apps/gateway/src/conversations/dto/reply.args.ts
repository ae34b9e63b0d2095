import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ChannelEnum } from '../models/conversation-enums';

/**
 * Only the transport bound (the contract's 20,000) is checked here; the 280 weighted-character rule
 * and PII checks belong to the conversations service, which answers REPLY_TOO_LONG etc. in details.
 */
@ArgsType()
export class ReplyArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text!: string;

  @Field(() => ChannelEnum, {
    nullable: true,
    description:
      'Where to answer. Absent: on the channel of the customer’s latest message (after a move to DM, by DM once they wrote there).',
  })
  @IsOptional()
  @IsIn(Object.values(ChannelEnum))
  channel?: 'public' | 'dm';

  @Field(() => [ID], {
    nullable: true,
    description: 'Images from `POST /media` to post with the reply: up to 4 images, or 1 GIF.',
  })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
