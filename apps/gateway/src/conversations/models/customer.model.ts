import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

@ObjectType('Customer')
export class CustomerGql {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'X handle without the @.' })
  handle!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  followersCount!: number;

  @Field()
  verified!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set when the customer protected, deleted or lost their X account: name, handle and their messages are redacted.',
  })
  withdrawnAt!: string | null;
}
