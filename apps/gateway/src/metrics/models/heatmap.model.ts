import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Extensions } from '@nestjs/graphql';
import { COST_LIST_SIZE_EXTENSION } from '../../common/limits/limits.constants';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

@ObjectType('HeatmapCell', { description: 'ISO weekday 1-7 and local hour 0-23.' })
export class HeatmapCellGql {
  @Field(() => Int) day!: number;
  @Field(() => Int) hour!: number;
  @Field(() => Int) inbound!: number;
}

@ObjectType('Heatmap', { description: 'Hour-of-week inbound volume in the request timezone.' })
export class HeatmapGql {
  @Field(() => DateTimeScalar) from!: string;
  @Field(() => DateTimeScalar) to!: string;
  @Field() timezone!: string;
  @Field(() => Float, { description: 'Weeks in the range, to turn counts into means per hour of week.' })
  weeks!: number;
  @Field(() => [HeatmapCellGql], { description: '168 cells, Monday 00h first.' })
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 168 })
  cells!: HeatmapCellGql[];
}
