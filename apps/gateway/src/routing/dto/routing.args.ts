import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRANSFER_NOTE_MAX_LENGTH } from '@roost/contracts';
import { AgentStatusEnum, type AgentStatus } from '../../auth/models/agent-status.enum';
import { ScheduleExceptionKindEnum } from '../models/routing.models';

// Routing actions' arguments, kept together (each is a few ids and checked fields).

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const LOCAL_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

@ArgsType()
export class AssignArgs {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => ID, { description: 'Agents may assign to themselves only.' }) @IsUUID() agentId!: string;
}

@ArgsType()
export class TransferArgs {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() toAgentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() toQueueId?: string;
  @Field(() => String, {
    nullable: true,
    description: `For the next agent: shown in the conversation's history and notes. At most ${TRANSFER_NOTE_MAX_LENGTH} characters (else BAD_USER_INPUT, reason TRANSFER_NOTE_TOO_LONG).`,
  })
  @IsOptional()
  @IsString()
  note?: string;
}

@ArgsType()
export class SetAgentStatusArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Default: yourself. Supervisors and admins may set others.',
  })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @Field(() => AgentStatusEnum) @IsIn(Object.values(AgentStatusEnum)) status!: AgentStatus;
}

@ArgsType()
export class AgentShiftsArgs {
  @Field(() => ID, { nullable: true, description: 'Default: yourself.' })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

@InputType('WeeklySlotInput')
export class WeeklySlotInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(7) day!: number;
  @Field() @Matches(HHMM) start!: string;
  @Field() @Matches(HHMM) end!: string;
}

@InputType('ScheduleExceptionInput')
export class ScheduleExceptionInput {
  @Field() @Matches(LOCAL_DATE) from!: string;
  @Field() @Matches(LOCAL_DATE) to!: string;
  @Field(() => ScheduleExceptionKindEnum) @IsIn(Object.values(ScheduleExceptionKindEnum)) kind!:
    'leave' | 'holiday';
}

@ArgsType()
export class SetAgentShiftsArgs {
  @Field(() => ID) @IsUUID() agentId!: string;
  @Field() @IsTimeZone() timezone!: string;

  @Field(() => [WeeklySlotInput])
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotInput)
  shifts!: WeeklySlotInput[];

  @Field(() => [ScheduleExceptionInput], { defaultValue: [] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ScheduleExceptionInput)
  exceptions!: ScheduleExceptionInput[];
}
