import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConversationGql } from './conversation.model';

@ObjectType('CaseFromTweet')
export class CaseFromTweetGql {
  @Field(() => ID, { description: 'The tweet the URL or id named.' })
  tweetId!: string;

  @Field(() => [ID], {
    description: 'The customer’s tweets read from X, oldest first (its thread, then the tweet).',
  })
  threadTweetIds!: string[];

  @Field(() => ConversationGql, {
    nullable: true,
    description:
      'The case holding the tweet (the existing one when the tweet was already in Roost). Null when it is not routed within the wait, or sits in a queue you do not see.',
  })
  conversation!: ConversationGql | null;
}
