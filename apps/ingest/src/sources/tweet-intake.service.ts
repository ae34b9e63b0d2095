import { Injectable, Logger } from '@nestjs/common';
import { createClassifier, type Classifier } from '@roost/classify';
import { Events, type BrandReplyObservedV1 } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { BrandDirectory, type BrandListening } from '../accounts/brand-directory';
import { IngestMetrics } from '../common/ingest.metrics';
import type { BrandAccount } from '../data/listening-rows';
import { buildMention, type MentionSource } from '../pipeline/mention-builder';
import { MentionPipeline } from '../pipeline/mention-pipeline.service';
import type { MediaById } from '../pipeline/normalized-media';
import { MalformedTweetError, normalizeTweet, type NormalizedTweet } from '../pipeline/normalized-tweet';

/**
 * Where every source hands its raw tweets: normalise (malformed ones counted and dead-lettered),
 * classify, and pass to the pipeline. The brand's own posts are never mentions: its public replies
 * become brand_reply.observed (conversations threads them, recognising Roost's own posts), the rest
 * are dropped.
 */
@Injectable()
export class TweetIntake {
  private readonly log = new Logger(TweetIntake.name);
  private readonly classifier: Classifier = createClassifier();

  constructor(
    private readonly directory: BrandDirectory,
    private readonly pipeline: MentionPipeline,
    private readonly nats: NatsClient,
    private readonly bus: EventBus,
    private readonly metrics: IngestMetrics,
  ) {}

  /**
   * One tweet for the brands it concerns. Resolves when stored (or skipped); rejects only when
   * the ledger is unavailable, so a poller keeps its cursor.
   */
  async intake(opts: {
    tweet: TweetV2 | undefined;
    users: ReadonlyMap<string, UserV2>;
    /** The response's `includes.tweets` by id (quoted and replied-to posts). */
    referenced?: ReadonlyMap<string, TweetV2>;
    /** The page's `includes.media` by key: the tweet's attachments. */
    media?: MediaById;
    source: MentionSource;
    channel?: 'public' | 'dm';
    brands: ReadonlyArray<{
      brand: BrandListening;
      matchedRules: Array<{ id: string; tag: string }>;
      account?: BrandAccount;
    }>;
    normalized?: NormalizedTweet;
  }): Promise<void> {
    let tweet: NormalizedTweet;
    try {
      tweet =
        opts.normalized ??
        normalizeTweet(opts.tweet, opts.users, {
          ...(opts.referenced ? { referenced: opts.referenced } : {}),
          ...(opts.media ? { media: opts.media } : {}),
        });
    } catch (err) {
      if (!(err instanceof MalformedTweetError)) throw err;
      this.deadLetter(opts.source, err, opts.tweet);

      return;
    }
    const stored: Array<Promise<void>> = [];
    for (const { brand, matchedRules, account } of opts.brands) {
      if (brand.ownUserIds.has(tweet.authorId) || brand.ownHandles.has(tweet.author.handle.toLowerCase())) {
        const observed = opts.channel === 'dm' ? null : ownReply(brand, tweet, opts.source);
        if (observed) {
          this.metrics.brandRepliesObserved.inc({ source: opts.source });
          stored.push(this.publishOwnReply(observed));
        }
        continue;
      }
      if (this.pipeline.alreadyPublished(brand.brandId, tweet.id, opts.source)) continue;
      const local = brand.matcher.match({
        text: tweet.text,
        mentions: tweet.mentions,
        authorHandle: tweet.author.handle,
        isRetweet: tweet.isRetweet,
        ...(tweet.lang ? { lang: tweet.lang } : {}),
      });
      // A DM is addressed to the brand whatever it says; exclusions are about public chatter.
      if (local.excluded && opts.channel !== 'dm') {
        this.metrics.excluded.inc({ source: opts.source });
        continue;
      }
      // Local matching names the rules; the source's own reason (stream tag, timeline) only when it found none.
      const rules = local.rules.length > 0 ? local.rules : matchedRules;
      const end = this.metrics.classifySeconds.startTimer();
      const mention = buildMention({
        brand,
        tweet,
        source: opts.source,
        channel: opts.channel ?? 'public',
        matchedRules: rules,
        classifier: this.classifier,
        ...(account ? { account } : {}),
      });
      end();
      if (!mention) {
        // The brand's account has no resolved X user id yet: nothing to address the mention to.
        this.metrics.malformed.inc({ source: opts.source, reason: 'unresolved_account' });
        this.log.warn(
          { brandId: brand.brandId, tweetId: tweet.id },
          'mention dropped: brand account not resolved on X',
        );
        continue;
      }
      for (const r of rules) this.metrics.mentionsByRule.inc({ source: opts.source, rule: r.tag });
      stored.push(this.pipeline.accept(mention));
    }
    await Promise.all(stored);
  }

  /** One per tweet and brand: the msg id drops repeats within the window, conversations' unique key the rest. */
  private async publishOwnReply(e: BrandReplyObservedV1): Promise<void> {
    await this.bus.publish(Events.BrandReplyObserved, e, {
      brandId: e.brandId,
      msgId: `brand_reply:${e.brandId}:${e.tweet.id}`,
    });
  }

  brandsForTags(
    tags: ReadonlyArray<{ id: string | number; tag?: string }>,
    brandOf: (tag?: string) => string | null,
  ) {
    const out = new Map<
      string,
      { brand: BrandListening; matchedRules: Array<{ id: string; tag: string }> }
    >();
    for (const r of tags) {
      const brandId = brandOf(r.tag);
      const brand = brandId ? this.directory.get(brandId) : undefined;
      if (!brand) continue;
      const entry = out.get(brand.brandId) ?? { brand, matchedRules: [] };
      entry.matchedRules.push({ id: String(r.id), tag: r.tag ?? '' });
      out.set(brand.brandId, entry);
    }

    return [...out.values()];
  }

  /** Counts, logs and dead-letters a payload no source could understand; the source keeps going. */
  deadLetter(source: string, err: MalformedTweetError, raw: unknown): void {
    this.metrics.malformed.inc({ source, reason: err.reason.split(' ')[0] ?? 'unknown' });
    this.log.warn({ source, tweetId: err.tweetId, reason: err.reason }, 'malformed tweet dead-lettered');
    const subject = this.nats.topology.deadLetterSubject(`ingest.malformed.${source}`);
    let body: string;
    try {
      body = JSON.stringify({ reason: err.reason, raw });
    } catch {
      body = JSON.stringify({ reason: err.reason, raw: String(raw) });
    }
    this.nats.js.publish(subject, body).catch((e: unknown) => {
      this.log.error({ err: (e as Error).message }, 'dead-letter publish failed');
    });
  }
}

/** The brand's own public reply (to anyone) as an observation; null for its other posts. */
function ownReply(
  brand: BrandListening,
  tweet: NormalizedTweet,
  source: MentionSource,
): BrandReplyObservedV1 | null {
  if (!tweet.inReplyToTweetId || source === 'dm' || source === 'manual') return null;
  const handle = tweet.author.handle.toLowerCase();
  const account = brand.accounts.find(
    (a) => a.xUserId === tweet.authorId || a.handle.toLowerCase() === handle,
  );
  if (!account) return null;

  return {
    schema: 1,
    brandId: brand.brandId,
    source,
    tweet: {
      id: tweet.id,
      text: tweet.text,
      createdAt: tweet.createdAt,
      inReplyToTweetId: tweet.inReplyToTweetId,
      ...(tweet.conversationId ? { conversationId: tweet.conversationId } : {}),
      ...(tweet.inReplyToUserId ? { inReplyToUserId: tweet.inReplyToUserId } : {}),
    },
    account: { id: account.id, handle: account.handle, xUserId: tweet.authorId },
    observedAt: new Date().toISOString(),
  };
}
