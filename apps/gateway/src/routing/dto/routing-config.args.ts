import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AccountRoleEnum } from '../../listening/models/listening.models';
import { TeamEnum } from '../../queues/models/queue.model';
import {
  RoutingStrategyEnum,
  SlaBreachActionEnum,
  type RoutingStrategy,
  type SlaBreachAction,
} from '../models/routing-config.models';
import { WeeklySlotInput } from './routing.args';

@InputType('SlaTargetInput')
export class SlaTargetInput {
  @Field(() => Int) @IsInt() @Min(0) @Max(100) minPriority!: number;
  @Field(() => Int) @IsInt() @Min(1) minutes!: number;
}

/**
 * Without `id`: a new queue (name and team required, the rest defaults). With `id`: that queue of
 * your brand, changing only the fields given.
 */
@InputType('QueueConfigInput')
export class QueueConfigInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @Field(() => TeamEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(TeamEnum)) team?:
    'care' | 'sales';
  @Field({ nullable: true }) @IsOptional() @IsTimeZone() timezone?: string;

  @Field(() => [WeeklySlotInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotInput)
  businessHours?: WeeklySlotInput[];

  @Field(() => [SlaTargetInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SlaTargetInput)
  slaTargets?: SlaTargetInput[];

  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0.01) @Max(0.99) slaWarnRatio?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  slaWarnPriorityBoost?: number;
  @Field(() => SlaBreachActionEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SlaBreachActionEnum))
  slaBreachAction?: SlaBreachAction;
  @Field(() => ID, { nullable: true, description: 'A queue of your brand; null clears it.' })
  @IsOptional()
  @IsUUID()
  escalationQueueId?: string | null;
  @Field(() => RoutingStrategyEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RoutingStrategyEnum))
  strategy?: RoutingStrategy;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) stickyWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) relaxLanguageAfterMinutes?:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes; 0 turns reopening off.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  reopenWindowMinutes?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Added to a VIP customer’s priority in this queue (capped at 100); 20 for a new queue.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  vipPriorityBoost?: number;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Hard lock: only the assignee answers (reply, DM, move to DM, resolve with follow-up); supervisors take over first.',
  })
  @IsOptional()
  @IsBoolean()
  hardLock?: boolean;
}

@InputType('RoutingRuleConditionsInput')
export class RoutingRuleConditionsInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(50, { each: true })
  accountHandles?: string[];
  @Field(() => [AccountRoleEnum], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AccountRoleEnum), { each: true })
  accountRoles?: Array<'care' | 'engagement'>;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(20, { each: true })
  sources?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(32, { each: true })
  intents?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(8, { each: true })
  languages?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(64, { each: true })
  matchedRuleIds?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @MaxLength(10, { each: true })
  sentiments?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) minFollowers?: number;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  keywords?: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only VIP customers; false: only the others; absent: anyone.',
  })
  @IsOptional()
  @IsBoolean()
  vip?: boolean;
}

@InputType('RoutingRuleInput')
export class RoutingRuleInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @Field({ defaultValue: true }) @IsBoolean() enabled!: boolean;
  @Field(() => ID) @IsUUID() queueId!: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(-100) @Max(100) priorityBoost!: number;
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @MaxLength(64, { each: true })
  tags!: string[];

  @Field(() => RoutingRuleConditionsInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => RoutingRuleConditionsInput)
  conditions!: RoutingRuleConditionsInput;
}

@ArgsType()
export class UpsertQueueArgs {
  @Field(() => QueueConfigInput) @ValidateNested() @Type(() => QueueConfigInput) queue!: QueueConfigInput;
}

@ArgsType()
export class ReplaceRoutingRulesArgs {
  @Field(() => [RoutingRuleInput], { description: 'The whole ordered list; the first matching rule wins.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleInput)
  rules!: RoutingRuleInput[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'The ids, in order, of the rules you edited (as `routingRules` gave them). If someone saved since, the replace is refused with CONFLICT `RULES_CHANGED`; omitted, the last save wins.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  expectedRuleIds?: string[] | null;
}
