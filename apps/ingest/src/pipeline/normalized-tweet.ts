import type { MediaItem } from '@roost/contracts';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { normalizeMedia, type MediaById } from './normalized-media';
import { unescapeXText } from './x-text';

/** A tweet or DM as ingest understands it, whatever source it came from. */
export interface NormalizedTweet {
  id: string;
  text: string;
  createdAt: string;
  authorId: string;
  conversationId?: string;
  inReplyToTweetId?: string;
  inReplyToUserId?: string;
  quotedTweetId?: string;
  /** Author of the quoted post, from X's `referenced_tweets.id.author_id` expansion (`includes.tweets`). */
  quotedAuthorId?: string;
  lang?: string;
  dmConversationId?: string;
  /** Lower-case usernames @mentioned in the text. */
  mentions: string[];
  isRetweet: boolean;
  /** Photos, GIFs and videos attached (from `includes.media`); absent when none. */
  media?: MediaItem[];
  author: { id: string; handle: string; name: string; followersCount: number; verified: boolean };
}

export class MalformedTweetError extends Error {
  constructor(
    readonly reason: string,
    readonly tweetId: string | undefined,
  ) {
    super(`malformed tweet ${tweetId ?? '?'}: ${reason}`);
    this.name = 'MalformedTweetError';
  }
}

const X_ID = /^[0-9]{1,20}$/;
const MAX_TEXT = 25_000;

/**
 * Lone surrogates make invalid UTF-8 downstream; replace them rather than lose the tweet. NUL
 * (U+0000) is dropped: PostgreSQL text cannot hold it, and X lets it through in text and names.
 */
function repairUnicode(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replaceAll('\u0000', '');
}

/** X's counts as a whole number that survives the contract (an integer) and storage (bigint): beyond 2^31 is kept. */
function count(value: unknown): number {
  const n = Number(value ?? 0);

  return Number.isFinite(n) && n > 0 ? Math.min(Number.MAX_SAFE_INTEGER, Math.floor(n)) : 0;
}

/**
 * Validates and flattens an X API v2 tweet with its `includes.users`. Missing ids, unknown
 * authors, oversize text: a typed MalformedTweetError (counted and dead-lettered by the caller).
 * Tweet text arrives HTML-escaped (`&amp;`, `&lt;`, `&gt;`) and is unescaped; `escaped: false`
 * (DM events, which X does not escape) keeps it as is. `referenced` is the response's
 * `includes.tweets` by id: the quoted post's author decides whether the brand may reply (X's policy).
 */
export function normalizeTweet(
  tweet: TweetV2 | undefined,
  users: ReadonlyMap<string, UserV2>,
  opts: {
    escaped?: boolean;
    referenced?: ReadonlyMap<string, TweetV2>;
    media?: MediaById;
    mediaKeys?: unknown;
  } = {},
): NormalizedTweet {
  if (!tweet || typeof tweet !== 'object') throw new MalformedTweetError('no tweet object', undefined);
  const id = tweet.id;
  if (typeof id !== 'string' || !X_ID.test(id)) {
    throw new MalformedTweetError('missing or invalid id', undefined);
  }
  if (typeof tweet.text !== 'string') throw new MalformedTweetError('missing text', id);
  if (tweet.text.length > MAX_TEXT) throw new MalformedTweetError(`text longer than ${MAX_TEXT}`, id);
  const authorId = tweet.author_id;
  if (typeof authorId !== 'string' || !X_ID.test(authorId)) {
    throw new MalformedTweetError('missing author_id', id);
  }
  const user = users.get(authorId);
  if (!user || typeof user.username !== 'string') {
    throw new MalformedTweetError(`unknown author ${authorId}`, id);
  }
  const refs = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets : [];
  const replied = refs.find((r) => r.type === 'replied_to')?.id;
  const quoted = refs.find((r) => r.type === 'quoted')?.id;
  const quotedAuthorId = quoted ? opts.referenced?.get(quoted)?.author_id : undefined;
  const createdAt =
    tweet.created_at && !Number.isNaN(Date.parse(tweet.created_at))
      ? tweet.created_at
      : new Date().toISOString();
  const media = normalizeMedia(opts.mediaKeys ?? tweet.attachments?.media_keys, opts.media);

  const text = withoutMediaLinks(opts.escaped === false ? tweet.text : unescapeXText(tweet.text), tweet);

  return {
    id,
    text: repairUnicode(text),
    createdAt: new Date(createdAt).toISOString(),
    authorId,
    ...(tweet.conversation_id && X_ID.test(tweet.conversation_id)
      ? { conversationId: tweet.conversation_id }
      : {}),
    ...(replied && X_ID.test(replied) ? { inReplyToTweetId: replied } : {}),
    ...(tweet.in_reply_to_user_id && X_ID.test(tweet.in_reply_to_user_id)
      ? { inReplyToUserId: tweet.in_reply_to_user_id }
      : {}),
    ...(quoted && X_ID.test(quoted) ? { quotedTweetId: quoted } : {}),
    ...(quoted && typeof quotedAuthorId === 'string' && X_ID.test(quotedAuthorId) ? { quotedAuthorId } : {}),
    ...(typeof tweet.lang === 'string' && tweet.lang.length <= 8 ? { lang: tweet.lang } : {}),
    mentions: (tweet.entities?.mentions ?? []).map((m) => repairUnicode(String(m.username)).toLowerCase()),
    isRetweet: refs.some((r) => r.type === 'retweeted'),
    ...(media.length > 0 ? { media } : {}),
    author: {
      id: authorId,
      handle: repairUnicode(user.username),
      name: repairUnicode(typeof user.name === 'string' ? user.name.slice(0, 100) : user.username),
      followersCount: count(user.public_metrics?.followers_count),
      verified: user.verified === true,
    },
  };
}

/**
 * X appends a t.co link (`pic.x.com/…`, its URL entity names the `media_key`) to the text of a
 * post with media; the media itself is on the mention, so the agent reads the words only.
 */
function withoutMediaLinks(text: string, tweet: TweetV2): string {
  const urls = (tweet.entities?.urls ?? []) as Array<{ url?: unknown; media_key?: unknown }>;
  let out = text;
  for (const u of urls) {
    if (typeof u.media_key === 'string' && typeof u.url === 'string' && u.url.length > 0) {
      out = out.split(u.url).join('');
    }
  }

  return out === text ? text : out.trimEnd();
}

export function usersById(users: readonly UserV2[] | undefined): Map<string, UserV2> {
  return new Map((users ?? []).map((u) => [u.id, u]));
}

/** `includes.tweets` by id (the referenced posts X expanded). */
export function tweetsById(tweets: readonly TweetV2[] | undefined): Map<string, TweetV2> {
  return new Map((tweets ?? []).map((t) => [t.id, t]));
}
