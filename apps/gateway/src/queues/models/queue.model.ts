import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { QueueView } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

export const TeamEnum = { CARE: 'care', SALES: 'sales' } as const;
registerEnumType(TeamEnum, { name: 'Team' });

@ObjectType('Queue')
export class QueueGql {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TeamEnum)
  team!: QueueView['team'];

  @Field(() => Int, { description: 'Conversations waiting for an agent.' })
  waiting!: number;

  @Field(() => Int, { description: 'Conversations assigned and not resolved.' })
  assigned!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  oldestWaitingSince!: string | null;

  static from(q: QueueView): QueueGql {
    return {
      id: q.id,
      name: q.name,
      team: q.team,
      waiting: q.waiting,
      assigned: q.assigned,
      oldestWaitingSince: q.oldestWaitingSince,
    };
  }
}
