import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PresenceStateEnum } from '../models/presence.model';

// Agent actions' arguments, kept together: each is a conversation id plus a few checked fields.
// Text bounds are the contract's transport bounds; X's 280 rule is the conversations service's.

@ArgsType()
export class ConversationActionArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refuse with CONFLICT unless the conversation is still at this version.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@ArgsType()
export class SendDmArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field()
  @IsString()
  @Length(1, 20_000)
  text!: string;

  @Field(() => [ID], { nullable: true, description: 'One image or GIF from `POST /media` (X: one per DM).' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@ArgsType()
export class MoveToDmArgs extends ConversationActionArgs {
  @Field({ description: 'Public reply inviting the customer to DM.' })
  @IsString()
  @Length(1, 20_000)
  invitation!: string;

  @Field()
  @IsString()
  @Length(1, 20_000)
  dmText!: string;
}

@ArgsType()
export class ResolveArgs extends ConversationActionArgs {
  @Field({ nullable: true, description: 'Public follow-up after a DM conversation.' })
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  followUp?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  skipFollowUp?: boolean;
}

@ArgsType()
export class AddNoteArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field()
  @IsString()
  @Length(1, 5000)
  text!: string;
}

@ArgsType()
export class TagArgs extends ConversationActionArgs {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  add!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  remove!: string[];
}

@ArgsType()
export class SnoozeArgs extends ConversationActionArgs {
  @Field({ description: 'ISO instant; the conversation comes back then.' })
  @IsISO8601({ strict: true })
  @MinLength(20)
  @MaxLength(40)
  until!: string;
}

@ArgsType()
export class SetPresenceArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field(() => PresenceStateEnum)
  @IsIn(Object.values(PresenceStateEnum))
  state!: 'viewing' | 'typing' | 'left';
}

@ArgsType()
export class RenderCannedArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;

  @Field(() => ID)
  @IsUUID()
  cannedReplyId!: string;
}

@ArgsType()
export class MergeConversationsArgs {
  @Field(() => ID, { description: 'The conversation that keeps both (and its assignee).' })
  @IsUUID()
  targetId!: string;

  @Field(() => ID, { description: 'The conversation merged in: resolved for good.' })
  @IsUUID()
  sourceId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The source’s version: refuse with CONFLICT unless it is still at this version.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@ArgsType()
export class SplitConversationArgs extends ConversationActionArgs {
  @Field(() => ID, { description: 'An inbound customer message of the conversation.' })
  @IsUUID()
  messageId!: string;
}

@ArgsType()
export class CaseSuggestionsArgs {
  @Field(() => ID)
  @IsUUID()
  conversationId!: string;
}
