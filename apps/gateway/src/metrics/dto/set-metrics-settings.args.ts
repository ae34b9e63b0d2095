import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ArgsType()
export class SetMetricsSettingsArgs {
  @Field(() => Int, { description: 'Default first-response target in minutes (1 to 10,080).' })
  @IsInt()
  @Min(1)
  @Max(10_080)
  slaMinutes!: number;
}
