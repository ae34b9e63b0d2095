import { ArgsType, Field } from '@nestjs/graphql';
import type { ReportGroupBy } from '@roost/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ReportGroupByEnum } from '../models/metrics-enums';
import { HeatmapArgs } from './heatmap.args';

@ArgsType()
export class SummaryArgs extends HeatmapArgs {
  @Field(() => ReportGroupByEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ReportGroupByEnum))
  groupBy?: ReportGroupBy;
}
