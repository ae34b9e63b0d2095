import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

@ObjectType('Customer')
export class CustomerGql {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'X handle without the @.' })
  handle!: string;

  @Field()
  name!: string;

  @Field(() => Float, {
    description: 'Whole number; a Float because X counts can pass 2^31 (GraphQL Int is 32-bit).',
  })
  followersCount!: number;

  @Field()
  verified!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Set when the customer protected, deleted or lost their X account: name, handle and their messages are redacted.',
  })
  withdrawnAt!: string | null;

  @Field({ description: 'The team marked the customer VIP: priority boost, VIP routing rules.' })
  vip!: boolean;
}
