import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Channel, MessageView } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ChannelEnum, MessageDirectionEnum, MessageStatusEnum } from './conversation-enums';

@ObjectType('Message')
export class MessageGql {
  @Field(() => ID)
  id!: string;

  @Field(() => MessageDirectionEnum)
  direction!: MessageView['direction'];

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field()
  text!: string;

  @Field({ description: 'X handle of the author (the customer, or the brand account for outbound).' })
  authorHandle!: string;

  @Field(() => MessageStatusEnum)
  status!: MessageView['status'];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  static from(m: MessageView): MessageGql {
    return {
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      text: m.text,
      authorHandle: m.authorHandle,
      status: m.status,
      createdAt: m.createdAt,
    };
  }
}
