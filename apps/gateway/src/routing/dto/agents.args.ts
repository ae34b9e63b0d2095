import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { AgentRole } from '@roost/contracts';
import { AgentRoleEnum } from '../../auth/models/agent-role.enum';

@InputType('ChannelCapacityInput', {
  description: 'Limits per channel, each at most the capacity; null or absent: no limit.',
})
export class ChannelCapacityInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) public?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) dm?: number | null;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/;

@InputType('CreateAgentInput')
export class CreateAgentInput {
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @Field({ description: '1–4 letters, the signature on public replies.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4)
  initials!: string;
  @Field(() => AgentRoleEnum, { defaultValue: 'agent' }) @IsIn(Object.values(AgentRoleEnum)) role!: AgentRole;
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(LANGUAGE, { each: true })
  languages!: string[];
  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  queueIds!: string[];
  @Field({ defaultValue: 'UTC', description: 'IANA zone.' }) @IsTimeZone() timezone!: string;
  @Field(() => Int, { defaultValue: 5 }) @IsInt() @Min(1) @Max(100) capacity!: number;

  @Field(() => ChannelCapacityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelCapacityInput)
  channelCapacity?: ChannelCapacityInput | null;
}

/** Only the fields given change. Supervisors: languages, queueIds, capacity and channelCapacity only. */
@InputType('UpdateAgentInput')
export class UpdateAgentInput {
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(4) initials?: string;
  @Field(() => AgentRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AgentRoleEnum))
  role?: AgentRole;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(LANGUAGE, { each: true })
  languages?: string[];
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  queueIds?: string[];
  @Field({ nullable: true }) @IsOptional() @IsTimeZone() timezone?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) capacity?: number;

  @Field(() => ChannelCapacityInput, {
    nullable: true,
    description: 'Replaces both limits; `{}` clears them.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelCapacityInput)
  channelCapacity?: ChannelCapacityInput | null;
}

@ArgsType()
export class CreateAgentArgs {
  @Field(() => CreateAgentInput) @ValidateNested() @Type(() => CreateAgentInput) agent!: CreateAgentInput;
}

@ArgsType()
export class UpdateAgentArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => UpdateAgentInput) @ValidateNested() @Type(() => UpdateAgentInput) changes!: UpdateAgentInput;
}

@ArgsType()
export class AgentIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}
