import { Field, InputType } from '@nestjs/graphql';
import { IsString, IsTimeZone, Length } from 'class-validator';

@InputType('ReportRange', {
  description: '`from`/`to`: ISO dates (local midnight in `timezone`) or ISO instants; `to` is exclusive.',
})
export class ReportRangeInput {
  @Field({ description: 'e.g. `2026-03-01`' })
  @IsString()
  @Length(10, 40)
  from!: string;

  @Field({ description: 'e.g. `2026-04-01` (exclusive)' })
  @IsString()
  @Length(10, 40)
  to!: string;

  @Field({ description: 'IANA name, e.g. `Europe/Paris`.' })
  @IsTimeZone()
  timezone!: string;
}
