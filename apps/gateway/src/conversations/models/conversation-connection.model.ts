import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConversationGql } from './conversation.model';

@ObjectType('ConversationEdge')
export class ConversationEdgeGql {
  @Field({ description: 'Opaque; pass as `after` to continue after this edge.' })
  cursor!: string;

  @Field(() => ConversationGql)
  node!: ConversationGql;
}

@ObjectType('PageInfo')
export class PageInfoGql {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('ConversationConnection')
export class ConversationConnectionGql {
  // Sized by the connection field's `first` in the cost estimate (cost-limit.rule).
  @Field(() => [ConversationEdgeGql])
  edges!: ConversationEdgeGql[];

  @Field(() => PageInfoGql)
  pageInfo!: PageInfoGql;

  @Field(() => Int)
  totalCount!: number;
}
