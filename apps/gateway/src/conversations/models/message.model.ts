import { Extensions, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, MediaItem, MessageView } from '@roost/contracts';
import { COST_LIST_SIZE_EXTENSION } from '../../common/limits/limits.constants';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  ChannelEnum,
  MessageDirectionEnum,
  MessageRedactionEnum,
  MediaTypeEnum,
  MessageStatusEnum,
} from './conversation-enums';

@ObjectType('MessageMedia', {
  description:
    "A photo, GIF or video on a message: a customer's as X serves it, or an agent's attachment (no URL: it is on X with the post).",
})
export class MessageMediaGql {
  @Field({ description: "X's media key, or the attachment id of an agent's upload." })
  key!: string;

  @Field(() => MediaTypeEnum)
  type!: MediaItem['type'];

  @Field(() => String, {
    nullable: true,
    description: 'The full media: the photo, or the MP4 of a GIF or video.',
  })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'A still image to show as the thumbnail.' })
  thumbnailUrl!: string | null;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true, description: "The author's description of the media." })
  altText!: string | null;

  @Field(() => Int, { nullable: true, description: 'Videos: length in milliseconds.' })
  durationMs!: number | null;

  static from(m: MediaItem): MessageMediaGql {
    return {
      key: m.key,
      type: m.type,
      url: m.url ?? null,
      thumbnailUrl: m.previewUrl ?? (m.type === 'photo' ? (m.url ?? null) : null),
      width: m.width ?? null,
      height: m.height ?? null,
      altText: m.altText ?? null,
      durationMs: m.durationMs ?? null,
    };
  }
}

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

  @Field(() => [MessageMediaGql], {
    description: 'Photos, GIFs and videos on the message (empty when none).',
  })
  // Held inline with the message (no fetch of its own), at most 4 and usually none: priced as one.
  @Extensions({ [COST_LIST_SIZE_EXTENSION]: 1 })
  media!: MessageMediaGql[];

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
      media: (m.media ?? []).map((x) => MessageMediaGql.from(x)),
    };
  }
}
