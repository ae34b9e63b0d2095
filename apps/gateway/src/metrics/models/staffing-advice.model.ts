import { Extensions, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { COST_LIST_SIZE_EXTENSION } from '../../common/limits/limits.constants';
import { MeasureSourceEnum, ScheduleSourceEnum } from './metrics-enums';

@ObjectType('StaffingHour')
export class StaffingHourGql {
  @Field(() => Int) day!: number;
  @Field(() => Int) hour!: number;
  @Field(() => Float, { description: 'Mean arrivals in this hour of week.' }) arrivals!: number;
  @Field(() => Float) trafficErlangs!: number;
  @Field(() => Int, { description: 'Erlang C: agents needed for the service level.' }) agentsNeeded!: number;
  @Field(() => Int, { nullable: true }) scheduled!: number | null;
  @Field(() => Int, { nullable: true, description: 'scheduled - needed' }) gap!: number | null;
  @Field(() => Float, { nullable: true }) scheduledServiceLevel!: number | null;
}

@ObjectType('StaffingShortfall')
export class StaffingShortfallGql {
  @Field(() => Int) day!: number;
  @Field(() => Int) hour!: number;
  @Field(() => Int) gap!: number;
}

@ObjectType('StaffingAdvice')
export class StaffingAdviceGql {
  @Field() timezone!: string;
  @Field(() => Float) weeks!: number;
  @Field(() => Float) handleSeconds!: number;
  @Field(() => MeasureSourceEnum) handleSource!: 'measured' | 'default';
  @Field(() => Int) concurrency!: number;
  @Field(() => Float) serviceLevel!: number;
  @Field(() => Int) targetSeconds!: number;
  @Field(() => ScheduleSourceEnum) scheduledSource!: 'request' | 'routing_shifts' | 'unknown';
  @Field(() => [StaffingHourGql], { description: '168 hours of week, Monday 00h first.' })
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 168 })
  hours!: StaffingHourGql[];
  @Field(() => [StaffingShortfallGql], { description: 'Hours where scheduled < needed, worst first.' })
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 168 })
  shortfalls!: StaffingShortfallGql[];
}

@ObjectType('CsvExport')
export class CsvExportGql {
  @Field() filename!: string;
  @Field({ description: 'Always `text/csv`.' }) contentType!: string;
  @Field({ description: 'The whole file, one row per group / cell / hour.' }) csv!: string;
}

@ObjectType('MetricsSettings')
export class MetricsSettingsGql {
  @Field(() => Int, { description: 'Default first-response target where routing sets none.' })
  slaMinutes!: number;
}
