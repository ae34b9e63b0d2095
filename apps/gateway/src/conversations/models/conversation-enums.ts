import { registerEnumType } from '@nestjs/graphql';

// GraphQL names are upper-case; the values are the contracts' strings, so mapping is identity.

export const ConversationStatusEnum = {
  WAITING: 'waiting',
  ASSIGNED: 'assigned',
  SNOOZED: 'snoozed',
  RESOLVED: 'resolved',
} as const;
registerEnumType(ConversationStatusEnum, { name: 'ConversationStatus' });

export const ChannelEnum = { PUBLIC: 'public', DM: 'dm' } as const;
registerEnumType(ChannelEnum, { name: 'Channel', description: 'A public reply on X, or a direct message.' });

export const SentimentEnum = { NEGATIVE: 'negative', NEUTRAL: 'neutral', POSITIVE: 'positive' } as const;
registerEnumType(SentimentEnum, { name: 'Sentiment' });

export const MessageDirectionEnum = { INBOUND: 'inbound', OUTBOUND: 'outbound' } as const;
registerEnumType(MessageDirectionEnum, { name: 'MessageDirection' });

export const MessageStatusEnum = {
  RECEIVED: 'received',
  PENDING: 'pending',
  SENT: 'sent',
  FAILED: 'failed',
} as const;
registerEnumType(MessageStatusEnum, { name: 'MessageStatus' });

/** Why a message's text was removed (X compliance). */
export const MessageRedactionEnum = {
  DELETED_BY_AUTHOR: 'deleted_by_author',
  AUTHOR_WITHDRAWN: 'author_withdrawn',
} as const;
registerEnumType(MessageRedactionEnum, {
  name: 'MessageRedaction',
  description:
    'DELETED_BY_AUTHOR: the author deleted the tweet. AUTHOR_WITHDRAWN: the author protected, deleted or lost the account.',
});

/** What a message's media is (X's media types). */
export const MediaTypeEnum = { PHOTO: 'photo', ANIMATED_GIF: 'animated_gif', VIDEO: 'video' } as const;
registerEnumType(MediaTypeEnum, { name: 'MediaType' });
