import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ReportFilterInput } from './report-filter.input';
import { ReportRangeInput } from './report-range.input';

@ArgsType()
export class HeatmapArgs {
  @Field(() => ReportRangeInput)
  @ValidateNested()
  @Type(() => ReportRangeInput)
  range!: ReportRangeInput;

  @Field(() => ReportFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFilterInput)
  filter?: ReportFilterInput;
}
