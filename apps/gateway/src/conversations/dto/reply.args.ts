import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

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

  @Field(() => [ID], {
    nullable: true,
    description: 'Images from `POST /media` to post with the reply: up to 4 images, or 1 GIF.',
  })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
