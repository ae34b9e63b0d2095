import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Channel, MessageView } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  ChannelEnum,
  MessageDirectionEnum,
  MessageRedactionEnum,
  MessageStatusEnum,
} from './conversation-enums';

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

  @Field({
    description:
      'True when X compliance removed this message: `text` is empty, show why instead (`redaction`).',
  })
  deleted!: boolean;

  @Field(() => MessageRedactionEnum, { nullable: true })
  redaction!: NonNullable<MessageView['redaction']> | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When Roost removed the text.' })
  redactedAt!: string | null;

  static from(m: MessageView): MessageGql {
    return {
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      text: m.text,
      authorHandle: m.authorHandle,
      status: m.status,
      createdAt: m.createdAt,
      deleted: !!m.redaction,
      redaction: m.redaction ?? null,
      redactedAt: m.redactedAt ?? null,
    };
  }
}
