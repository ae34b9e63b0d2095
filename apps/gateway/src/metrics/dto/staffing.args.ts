import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ReportRangeInput } from './report-range.input';
import { StaffingOptionsInput } from './staffing-options.input';

@ArgsType()
export class StaffingArgs {
  @Field(() => ReportRangeInput, { description: 'The history arrivals and handle times are measured over.' })
  @ValidateNested()
  @Type(() => ReportRangeInput)
  range!: ReportRangeInput;

  @Field(() => StaffingOptionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffingOptionsInput)
  options?: StaffingOptionsInput;
}
