/** X API access tiers; since 2026-02-24 only enterprise may reply to anyone through the API. */
export type ApiTier = 'free' | 'basic' | 'pro' | 'pay_per_use' | 'enterprise';

export interface SimUser {
  id: string;
  username: string;
  name: string;
  verified: boolean;
  protected: boolean;
  createdAt: string;
  followersCount: number;
  followingCount: number;
  tweetCount: number;
  description: string;
  location: string;
  /** Language the traffic generator prefers for this user; not on X's wire format. */
  langHint: string;
  apiTier: ApiTier;
  /** True for brand accounts (seeded or registered); drives nothing on the wire. */
  isBrand: boolean;
  /**
   * The account's last compliance change (protected, suspended, deactivated = deleted) and when:
   * what batch compliance jobs report for the user and their tweets. Not on X's wire format.
   */
  compliance?: { reason: UserComplianceReason; at: string };
}

/** Why X tells apps to remove a user's content (batch compliance `reason`). */
export type UserComplianceReason = 'protected' | 'suspended' | 'deactivated';

export interface MentionEntity {
  start: number;
  end: number;
  username: string;
  id: string;
}

export interface HashtagEntity {
  start: number;
  end: number;
  tag: string;
}

export interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
  /** The link X appends to a post with media. */
  media_key?: string;
}

export interface TweetEntities {
  mentions?: MentionEntity[];
  hashtags?: HashtagEntity[];
  urls?: UrlEntity[];
}

export interface ReferencedTweet {
  type: 'replied_to' | 'quoted' | 'retweeted';
  id: string;
}

export type SimMediaType = 'photo' | 'animated_gif' | 'video';

/** A media object as X v2 serves it in `includes.media` (`media.fields` select the optional ones). */
export interface SimMedia {
  media_key: string;
  type: SimMediaType;
  /** Photos only: the image itself. */
  url?: string;
  /** GIFs and videos: the still image. */
  preview_image_url?: string;
  width: number;
  height: number;
  alt_text?: string;
  /** Videos only. */
  duration_ms?: number;
  /** GIFs and videos: the MP4 (and for videos the HLS) renditions. */
  variants?: Array<{ bit_rate?: number; content_type: string; url: string }>;
  /** Bytes uploaded through the media upload endpoints (not on X's wire format). */
  size?: number;
  /** The upload's `media_category` (not on X's wire format). */
  category?: string;
}

/** A customer's photo, GIF or video injected with a tweet or DM through /sim. */
export interface InjectMediaInput {
  type: SimMediaType;
  altText?: string;
  width?: number;
  height?: number;
  durationMs?: number;
}

export interface SimTweet {
  id: string;
  /** As X stores it: links wrapped as t.co, not yet HTML-escaped (the wire serializer escapes). */
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: ReferencedTweet[];
  entities?: TweetEntities;
  lang: string;
  public_metrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    bookmark_count: number;
    impression_count: number;
  };
  edit_history_tweet_ids: string[];
  /** `tweet.fields=attachments`: the media keys (`expansions=attachments.media_keys` serves the objects). */
  attachments?: { media_keys: string[] };
  /** Set by DELETE /2/tweets/:id; deleted tweets vanish from every read. */
  deleted?: boolean;
  /** When it was deleted (the compliance result's `created_at`); not on X's wire format. */
  deletedAt?: string;
  /** 'sim' when injected through /sim routes or the store, 'api' when posted through POST /2/tweets. */
  source: 'sim' | 'api';
}

export interface SimDmEvent {
  id: string;
  event_type: 'MessageCreate';
  /** As X serves it: links wrapped as t.co, not HTML-escaped. */
  text: string;
  /** `dm_event.fields=entities`: links (with their expansion), mentions and hashtags. */
  entities?: TweetEntities;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
  participant_ids: string[];
  /** `dm_event.fields=attachments`: a DM carries at most one media key. */
  attachments?: { media_keys: string[] };
}

export interface StreamRule {
  id: string;
  value: string;
  tag?: string;
}

export interface InjectTweetInput {
  text: string;
  authorHandle: string;
  inReplyToTweetId?: string;
  quoteTweetId?: string;
  /** X's detected language; guessed from the text when absent. */
  lang?: string;
  /** Photos (up to 4) or one GIF or video. */
  media?: InjectMediaInput[];
}

export interface InjectDmInput {
  fromHandle: string;
  toHandle: string;
  text: string;
  /** At most one. */
  media?: InjectMediaInput[];
}

export interface FaultSpec {
  /** Route key such as `GET /2/users/:id/mentions`, `stream`, or `*` for every X route. */
  endpoint: string;
  /** Usually 429, 500 or 503. */
  status: number;
  /** How many matching requests fail before the fault is spent (default 1); ignored when `rate` is set. */
  count?: number;
  /** For 429: seconds until the advertised reset (default 60). */
  resetInSeconds?: number;
  /**
   * Carry the request out first (the tweet is created, the DM stored, both visible to reads), then
   * answer the fault's status: X's "committed, then 503" that makes a post's outcome unknown.
   */
  afterCommit?: boolean;
  /**
   * 0..1: instead of `count`, each matching request fails with this probability until the faults
   * are cleared. Drawn from `seed` (default 1) so a test reproduces.
   */
  rate?: number;
  seed?: number;
  /** Answer only after this many ms (after committing when `afterCommit`): a client timeout. */
  stallMs?: number;
}

/** An armed fault as `stats().pendingFaults` and `POST /sim/faults` report it. */
export interface PendingFault {
  endpoint: string;
  status: number;
  /** Failures left; absent for a `rate` fault, which lasts until cleared. */
  remaining?: number;
  rate?: number;
  afterCommit?: boolean;
  stallMs?: number;
}

export interface XSimLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface XSimOptions {
  /** 0 = ephemeral port (default 0). */
  port?: number;
  host?: string;
  heartbeatMs?: number;
  seedBrands?: boolean;
  /** Override per-endpoint limits per 15-minute window, keyed like `GET /2/users/:id/mentions`. */
  rateLimits?: Record<string, number>;
  rateLimitWindowMs?: number;
  duplicateWindowMs?: number;
  /** How long a batch compliance job stays `in_progress` after its upload (X: minutes to hours; default 0). */
  complianceProcessingMs?: number;
  logger?: XSimLogger;
}
