import { ACME_BRAND } from '../x-sim.constants';
import type {
  ApiTier,
  ReferencedTweet,
  SimDmEvent,
  SimTweet,
  SimUser,
  TweetEntities,
  UserComplianceReason,
} from '../x-sim.types';
import { guessLang } from './lang-guesser';
import { MediaLibrary } from './media-library';
import { wrapLinks } from './link-wrapper';
import type { WrappedText } from './link-wrapper';
import { SeededRandom } from './seeded-random';
import { SnowflakeIdGenerator } from './snowflake-id.generator';
import { analyzeText } from './tweet-text.analyzer';
import { buildBrand, buildCustomer } from './user-factory';

export class SimStoreError extends Error {
  constructor(
    readonly code: 'UNKNOWN_TWEET' | 'INVALID_HANDLE' | 'UNKNOWN_USER',
    message: string,
  ) {
    super(message);
  }
}

export interface CreateTweetInput {
  authorId: string;
  text: string;
  inReplyToTweetId?: string;
  quoteTweetId?: string;
  lang?: string;
  source: 'sim' | 'api';
  /** Media already in the library (uploaded and attached by media id) by key. */
  mediaKeys?: string[];
}

type TweetListener = (tweet: SimTweet) => void;

const HANDLE_RE = /^[A-Za-z0-9_]{1,15}$/;

/** The whole emulated X: users, tweets and DMs, in memory. Insertion order is id order. */
export class SimStore {
  private readonly users = new Map<string, SimUser>();
  private readonly userIdsByName = new Map<string, string>();
  private readonly tweets = new Map<string, SimTweet>();
  private readonly tweetIds: string[] = [];
  private readonly dms: SimDmEvent[] = [];
  /** user id → ids of tweets mentioning them, oldest first: the mentions timeline without a scan. */
  private readonly mentionIndex = new Map<string, string[]>();
  private readonly listeners: TweetListener[] = [];
  /** One generator for users, tweets and DM events: ids never collide across kinds. */
  private readonly ids: SnowflakeIdGenerator;
  /** t.co slugs: reproducible from run to run. */
  private linkRandom = new SeededRandom('t.co');

  /** Customers' media and apps' uploads. */
  readonly media: MediaLibrary;

  constructor(private readonly clock: () => number = Date.now) {
    this.ids = new SnowflakeIdGenerator(clock);
    this.media = new MediaLibrary(() => this.ids.next(), clock);
  }

  onTweet(listener: TweetListener): void {
    this.listeners.push(listener);
  }

  seedBrands(): void {
    for (const b of [ACME_BRAND.engagement, ACME_BRAND.care]) {
      this.addUser(buildBrand(b));
    }
  }

  reset(): void {
    this.users.clear();
    this.userIdsByName.clear();
    this.tweets.clear();
    this.tweetIds.length = 0;
    this.dms.length = 0;
    this.mentionIndex.clear();
    this.media.reset();
    this.linkRandom = new SeededRandom('t.co');
  }

  /* ---------- users ---------- */

  /** Registers (or updates) a brand account with an API tier. */
  registerBrand(params: { username: string; name?: string; apiTier?: ApiTier; id?: string }): SimUser {
    const existing = this.userByUsername(params.username);
    const user =
      existing ??
      this.addUser(
        buildBrand({
          id: params.id ?? this.ids.next(),
          username: params.username,
          name: params.name ?? params.username,
        }),
      );
    user.isBrand = true;
    if (params.apiTier) {
      user.apiTier = params.apiTier;
    }

    return user;
  }

  setApiTier(username: string, apiTier: ApiTier): SimUser {
    const user = this.userByUsername(username);
    if (!user) {
      throw new SimStoreError('UNKNOWN_USER', `no user @${username}`);
    }
    user.apiTier = apiTier;

    return user;
  }

  /** Users come into being on first use of their handle, like customers discovering a brand. */
  ensureUser(username: string, langHint?: string): SimUser {
    if (!HANDLE_RE.test(username)) {
      throw new SimStoreError('INVALID_HANDLE', `invalid handle "${username}" (1-15 letters, digits or _)`);
    }
    const existing = this.userByUsername(username);
    if (existing) {
      return existing;
    }

    return this.addUser(buildCustomer({ id: this.ids.next(), username, langHint, now: this.clock() }));
  }

  userById(id: string): SimUser | undefined {
    return this.users.get(id);
  }

  userByUsername(username: string): SimUser | undefined {
    const id = this.userIdsByName.get(username.toLowerCase());

    return id ? this.users.get(id) : undefined;
  }

  allUsers(): SimUser[] {
    return [...this.users.values()];
  }

  private addUser(user: SimUser): SimUser {
    this.users.set(user.id, user);
    this.userIdsByName.set(user.username.toLowerCase(), user.id);

    return user;
  }

  /* ---------- tweets ---------- */

  /** A tweet the brand's apps can see: not deleted, and its author has not withdrawn the account. */
  tweet(id: string): SimTweet | undefined {
    const t = this.tweets.get(id);

    return t && this.visible(t) ? t : undefined;
  }

  /**
   * X shows nobody outside their followers the tweets of a protected account, and none of a
   * suspended or deactivated one: lookups, search, timelines and the stream all leave them out.
   */
  private visible(t: SimTweet): boolean {
    return !t.deleted && this.users.get(t.author_id)?.compliance === undefined;
  }

  /** A tweet even when deleted (compliance jobs report what became of it). */
  tweetRecord(id: string): SimTweet | undefined {
    return this.tweets.get(id);
  }

  /** The author protected, suspended or deactivated (deleted) the account; `protected` also flips the wire flag. */
  withdrawUser(id: string, reason: UserComplianceReason): SimUser | undefined {
    const user = this.users.get(id);
    if (!user) {
      return undefined;
    }
    user.compliance = { reason, at: new Date(this.clock()).toISOString() };
    if (reason === 'protected') {
      user.protected = true;
    }

    return user;
  }

  /** Live tweets, oldest first. */
  allTweets(): SimTweet[] {
    const out: SimTweet[] = [];
    for (const id of this.tweetIds) {
      const t = this.tweets.get(id);
      if (t && this.visible(t)) {
        out.push(t);
      }
    }

    return out;
  }

  /** Live tweets that @mention the user, oldest first. */
  mentionsOf(userId: string): SimTweet[] {
    return (this.mentionIndex.get(userId) ?? []).flatMap((id) => {
      const t = this.tweet(id);

      return t ? [t] : [];
    });
  }

  repliesTo(tweetId: string): SimTweet[] {
    return this.allTweets().filter((t) =>
      t.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === tweetId),
    );
  }

  createTweet(input: CreateTweetInput): SimTweet {
    const author = this.userById(input.authorId);
    if (!author) {
      throw new SimStoreError('UNKNOWN_USER', `no user ${input.authorId}`);
    }
    const parent = input.inReplyToTweetId ? this.tweet(input.inReplyToTweetId) : undefined;
    if (input.inReplyToTweetId && !parent) {
      throw new SimStoreError(
        'UNKNOWN_TWEET',
        `tweet ${input.inReplyToTweetId} does not exist or was deleted`,
      );
    }
    const quoted = input.quoteTweetId ? this.tweet(input.quoteTweetId) : undefined;
    if (input.quoteTweetId && !quoted) {
      throw new SimStoreError('UNKNOWN_TWEET', `tweet ${input.quoteTweetId} does not exist or was deleted`);
    }
    const parentAuthor = parent ? this.userById(parent.author_id) : undefined;
    const prefixed = this.withReplyPrefix(input.text, parentAuthor, author);
    const wrapped = wrapLinks(prefixed, this.linkRandom);
    const id = this.ids.next();
    const mediaKeys = input.mediaKeys ?? [];
    if (mediaKeys.length > 0) {
      this.appendMediaLink(wrapped, `https://x.com/${author.username}/status/${id}/photo/1`, mediaKeys[0]);
    }
    const text = wrapped.text;
    const referenced: ReferencedTweet[] = [];
    if (parent) {
      referenced.push({ type: 'replied_to', id: parent.id });
    }
    if (quoted) {
      referenced.push({ type: 'quoted', id: quoted.id });
    }
    const tweet: SimTweet = {
      id,
      text,
      author_id: author.id,
      created_at: new Date(SnowflakeIdGenerator.timeOf(id)).toISOString(),
      conversation_id: parent ? parent.conversation_id : id,
      ...(parent ? { in_reply_to_user_id: parent.author_id } : {}),
      ...(referenced.length ? { referenced_tweets: referenced } : {}),
      entities: this.entitiesFor(wrapped),
      lang: input.lang ?? guessLang(prefixed),
      public_metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      },
      edit_history_tweet_ids: [id],
      ...(mediaKeys.length ? { attachments: { media_keys: mediaKeys } } : {}),
      source: input.source,
    };
    if (!tweet.entities || Object.keys(tweet.entities).length === 0) {
      delete tweet.entities;
    }
    this.tweets.set(id, tweet);
    this.tweetIds.push(id);
    for (const userId of new Set((tweet.entities?.mentions ?? []).map((m) => m.id))) {
      const list = this.mentionIndex.get(userId) ?? [];
      list.push(id);
      this.mentionIndex.set(userId, list);
    }
    author.tweetCount += 1;
    if (parent) {
      parent.public_metrics.reply_count += 1;
    }
    if (quoted) {
      quoted.public_metrics.quote_count += 1;
    }
    if (this.visible(tweet)) {
      for (const l of this.listeners) {
        l(tweet);
      }
    }

    return tweet;
  }

  deleteTweet(id: string): boolean {
    // The author may delete while the account is withdrawn too.
    const t = this.tweets.get(id);
    if (!t || t.deleted) {
      return false;
    }
    t.deleted = true;
    t.deletedAt = new Date(this.clock()).toISOString();

    return true;
  }

  /**
   * A reply's text on X starts with the @handle of the author replied to (X adds it when the
   * client omits it). Keeping that makes thread replies mention the brand, which is what the
   * 2026 reply policy checks.
   */
  private withReplyPrefix(text: string, parentAuthor: SimUser | undefined, author: SimUser): string {
    if (!parentAuthor || parentAuthor.id === author.id) {
      return text;
    }
    const leading = text.match(/^(\s*@[A-Za-z0-9_]+)+/)?.[0] ?? '';
    const already = leading.toLowerCase().split(/\s*@/).includes(parentAuthor.username.toLowerCase());

    return already ? text : `@${parentAuthor.username} ${text}`;
  }

  /**
   * X appends one t.co link to the text of a post with media (`pic.x.com/…`); its URL entity names
   * the first media key.
   */
  private appendMediaLink(wrapped: WrappedText, expanded: string, mediaKey: string | undefined): void {
    const tco = wrapLinks(expanded, this.linkRandom).urls[0]!;
    const sep = wrapped.text.length > 0 ? ' ' : '';
    const start = [...wrapped.text].length + sep.length;
    wrapped.text = `${wrapped.text}${sep}${tco.url}`;
    wrapped.urls.push({
      start,
      end: start + tco.url.length,
      url: tco.url,
      expanded_url: expanded,
      display_url: `pic.x.com/${tco.url.slice('https://t.co/'.length)}`,
      ...(mediaKey ? { media_key: mediaKey } : {}),
    });
  }

  /** Mentions and hashtags as X finds them in the wrapped text; links from the wrapping. */
  private entitiesFor(wrapped: WrappedText): TweetEntities {
    const found = analyzeText(wrapped.text);
    const entities: TweetEntities = {};
    const mentions = found.mentions.flatMap((m) => {
      const user = HANDLE_RE.test(m.username) ? this.ensureUser(m.username) : undefined;

      return user ? [{ ...m, username: user.username, id: user.id }] : [];
    });
    if (mentions.length) {
      entities.mentions = mentions;
    }
    if (found.hashtags.length) {
      entities.hashtags = found.hashtags;
    }
    if (wrapped.urls.length) {
      entities.urls = wrapped.urls;
    }

    return entities;
  }

  /* ---------- direct messages ---------- */

  createDm(params: {
    senderId: string;
    recipientId: string;
    text: string;
    mediaKeys?: string[];
  }): SimDmEvent {
    const ids = [params.senderId, params.recipientId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const id = this.ids.next();
    // X wraps links in DMs too; DM text is not HTML-escaped (see README).
    const wrapped = wrapLinks(params.text, this.linkRandom);
    const entities = this.entitiesFor(wrapped);
    const event: SimDmEvent = {
      id,
      event_type: 'MessageCreate',
      text: wrapped.text,
      ...(Object.keys(entities).length ? { entities } : {}),
      sender_id: params.senderId,
      dm_conversation_id: `${ids[0]}-${ids[1]}`,
      created_at: new Date(SnowflakeIdGenerator.timeOf(id)).toISOString(),
      participant_ids: ids,
      ...(params.mediaKeys?.length ? { attachments: { media_keys: params.mediaKeys } } : {}),
    };
    this.dms.push(event);

    return event;
  }

  /** DM events the user took part in, oldest first. */
  dmsOf(userId: string): SimDmEvent[] {
    return this.dms.filter((d) => d.participant_ids.includes(userId));
  }

  counts(): { users: number; tweets: number; dms: number } {
    return { users: this.users.size, tweets: this.allTweets().length, dms: this.dms.length };
  }
}
