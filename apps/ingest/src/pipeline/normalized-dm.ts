import type { UserV2 } from 'twitter-api-v2';
import type { DmEvent as DMEventV2 } from './dm-event';
import type { MediaById } from './normalized-media';
import { MalformedTweetError, normalizeTweet, type NormalizedTweet } from './normalized-tweet';

/**
 * A DM event as a NormalizedTweet (channel dm): the same validation as tweets (ids, author known,
 * text size, broken unicode), plus the DM conversation id. Non-message events are not mentions.
 */
export function normalizeDmEvent(
  event: DMEventV2 | undefined,
  users: ReadonlyMap<string, UserV2>,
  media?: MediaById,
): NormalizedTweet | null {
  if (!event || typeof event !== 'object') throw new MalformedTweetError('no dm event object', undefined);
  if (event.event_type !== 'MessageCreate') return null;
  const conv = event.dm_conversation_id;
  if (typeof conv !== 'string' || conv.length === 0 || conv.length > 64) {
    throw new MalformedTweetError(
      'missing dm_conversation_id',
      typeof event.id === 'string' ? event.id : undefined,
    );
  }
  const base = normalizeTweet(
    {
      id: event.id,
      text: event.text,
      edit_history_tweet_ids: [],
      ...(event.created_at ? { created_at: event.created_at } : {}),
      ...(event.sender_id !== undefined ? { author_id: event.sender_id } : {}),
    },
    users,
    { escaped: false, ...(media ? { media } : {}), mediaKeys: event.attachments?.media_keys },
  );

  return { ...base, dmConversationId: conv, mentions: [], isRetweet: false };
}
