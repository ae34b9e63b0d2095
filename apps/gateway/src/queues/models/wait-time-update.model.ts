import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

/** The metrics service's QueueWaitEstimatedV1, as is (a pure projection: executions are shared). */
@ObjectType('WaitTimeUpdate')
export class WaitTimeUpdateGql {
  @Field(() => ID)
  queueId!: string;

  @Field(() => Float, { description: 'Expected wait of a new arrival, seconds.' })
  expectedWaitSeconds!: number;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  agentsOnline!: number;

  @Field(() => Float, { description: 'Recent mean handle time, seconds.' })
  handleTimeSeconds!: number;

  @Field(() => DateTimeScalar)
  at!: string;
}
