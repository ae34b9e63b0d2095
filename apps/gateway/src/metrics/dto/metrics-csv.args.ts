import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MetricsReportEnum } from '../models/metrics-enums';
import { StaffingOptionsInput } from './staffing-options.input';
import { SummaryArgs } from './summary.args';

@ArgsType()
export class MetricsCsvArgs extends SummaryArgs {
  @Field(() => MetricsReportEnum)
  @IsIn(Object.values(MetricsReportEnum))
  report!: 'summary' | 'heatmap' | 'staffing';

  @Field(() => StaffingOptionsInput, { nullable: true, description: 'For STAFFING only.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffingOptionsInput)
  staffing?: StaffingOptionsInput;
}
