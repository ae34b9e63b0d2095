import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

@ArgsType()
export class CustomerArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class UpdateCustomerArgs {
  @Field(() => ID)
  @IsUUID()
  customerId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  vip?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  addTags?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  removeTags?: string[];

  @Field({ nullable: true, description: 'A shared note on the customer.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  note?: string;
}

@ArgsType()
export class CannedRepliesArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  language?: string;
}

@ArgsType()
export class SaveCannedArgs {
  @Field()
  @Matches(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)
  language!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  title!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  body!: string;
}

@InputType('QueueHoursInput')
export class QueueHoursInput {
  @Field({ description: 'A queue id of your brand, or `default`.' })
  @Matches(/^(default|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/)
  queueId!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  hours!: string;
}

@ArgsType()
export class SetGuidelinesArgs {
  @Field(() => [String])
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  bannedPhrases!: string[];

  @Field(() => [QueueHoursInput])
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QueueHoursInput)
  queueHours!: QueueHoursInput[];
}
