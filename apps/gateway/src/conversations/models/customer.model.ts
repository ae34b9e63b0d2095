import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
}
