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
