import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType('AutoPostTemplateInput')
export class AutoPostTemplateInput {
  @Field() @IsString() @Length(2, 10) language!: string;
  @Field() @IsString() @Length(1, 1000) text!: string;
}

@InputType('OutOfHoursAckInput')
export class OutOfHoursAckInput {
  @Field() @IsBoolean() enabled!: boolean;
  @Field(() => [AutoPostTemplateInput])
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AutoPostTemplateInput)
  templates!: AutoPostTemplateInput[];
}

@InputType('WaitStatusPostsInput')
export class WaitStatusPostsInput {
  @Field() @IsBoolean() enabled!: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() queueId?: string | null;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(1000) template!: string;
  @Field({ defaultValue: 'UTC' }) @IsString() @Length(1, 64) timezone!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 15) accountHandle?:
    string | null;
  @Field(() => Int, { defaultValue: 60 }) @IsInt() @Min(5) @Max(10080) minIntervalMinutes!: number;
  @Field(() => Float, { defaultValue: 10 }) @Min(0) @Max(1000) minChangePercent!: number;
}

@ArgsType()
export class SetAutoPostSettingsArgs {
  @Field(() => OutOfHoursAckInput)
  @ValidateNested()
  @Type(() => OutOfHoursAckInput)
  outOfHoursAck!: OutOfHoursAckInput;
  @Field(() => WaitStatusPostsInput)
  @ValidateNested()
  @Type(() => WaitStatusPostsInput)
  waitStatus!: WaitStatusPostsInput;
}
