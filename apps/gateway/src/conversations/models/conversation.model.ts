import { Extensions, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, ConversationStatus, ConversationView } from '@roost/contracts';
import { COST_LIST_SIZE_EXTENSION } from '../../common/limits/limits.constants';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ChannelEnum, ConversationStatusEnum, SentimentEnum } from './conversation-enums';
import { CustomerGql } from './customer.model';
import { MessageGql } from './message.model';

/** `queue` and `assignee` are resolved by the resolver through per-request DataLoaders. */
@ObjectType('Conversation')
export class ConversationGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ConversationStatusEnum)
  status!: ConversationStatus;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => Int, { description: 'Higher is more urgent.' })
  priority!: number;

  @Field(() => CustomerGql)
  customer!: CustomerGql;

  @Field({ description: 'Detected language, BCP-47 (e.g. `en`).' })
  language!: string;

  @Field(() => SentimentEnum)
  sentiment!: ConversationView['sentiment'];

  @Field()
  intent!: string;

  @Field({ description: 'How the brand may answer: e.g. `public`, `dm`, `open_in_x`.' })
  replyPath!: string;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => DateTimeScalar)
  lastMessageAt!: string;

  @Field(() => [String], {
    description: 'Tags, sorted: added by agents and by the routing rule that opened the conversation.',
  })
  tags!: string[];

  @Field(() => [MessageGql])
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 20 })
  messages!: MessageGql[];

  /** Not GraphQL fields: the keys the queue/assignee field resolvers load by. */
  queueId!: string;
  assigneeId!: string | null;

  static from(c: ConversationView): ConversationGql {
    return {
      id: c.id,
      status: c.status,
      channel: c.channel,
      priority: c.priority,
      customer: { ...c.customer, withdrawnAt: c.customer.withdrawnAt ?? null, vip: c.customer.vip ?? false },
      tags: c.tags ?? [],
      language: c.language,
      sentiment: c.sentiment,
      intent: c.intent,
      replyPath: c.replyPath,
      openedAt: c.openedAt,
      lastMessageAt: c.lastMessageAt,
      messages: c.messages.map((m) => MessageGql.from(m)),
      queueId: c.queueId,
      assigneeId: c.assigneeId,
    };
  }
}
