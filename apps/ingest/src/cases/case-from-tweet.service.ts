import { Inject, Injectable, Logger } from '@nestjs/common';
import { createClassifier, type Classifier } from '@roost/classify';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import { DomainError, ErrorCode, type IngestRpc, type RpcRequest, type RpcResponse } from '@roost/contracts';
import { ActorRoles } from '@roost/messaging';
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type TweetV2SingleResult,
} from 'twitter-api-v2';
import { BrandDirectory, type BrandListening } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { CaseLimitsRepository } from '../data/case-limits.repository';
import { buildMention } from '../pipeline/mention-builder';
import { MentionPipeline } from '../pipeline/mention-pipeline.service';
import {
  MalformedTweetError,
  normalizeTweet,
  tweetsById,
  usersById,
  type NormalizedTweet,
} from '../pipeline/normalized-tweet';
import { TWEET_QUERY } from '../sources/tweet-fields';
import { XAppClient } from '../x-api/x-app-client';
import { parseTweetRef } from './tweet-ref';

type Request = RpcRequest<typeof IngestRpc.CaseFromTweet>;
type Response = RpcResponse<typeof IngestRpc.CaseFromTweet>;

/** Ancestors read above the pasted tweet (one lookup each): the thread is bounded, X reads cost credits. */
export const MAX_THREAD_LOOKUPS = 10;

/**
 * "Turn any tweet into a case" (issue 13): a tweet no listening rule caught, pasted by an agent as
 * a URL or id, is read from X with the same fields and expansions as every source, with the
 * customer's earlier tweets of its reply chain (walking `in_reply_to` up to MAX_THREAD_LOOKUPS
 * lookups; the brand's and other people's tweets on the way are skipped), normalised and
 * classified like any mention and published on mention.received (`source: manual`, msg id
 * `<brand>:<tweet>`), oldest first so routing threads them into one conversation. A tweet
 * already ingested is therefore the same case: JetStream drops the repeat within its window,
 * routing's `routed_mentions` key after it. The agent's current role (agent or above) is asked of
 * routing. Before any X read (each request makes up to 11 on the shared app bearer): the feature
 * must be on (INGEST_CASE_FROM_TWEET), the brand's monthly X budget not spent, and the actor and
 * the brand under their per-minute limits, counted in PostgreSQL across ingest instances
 * (RATE_LIMITED with `retryAfterSeconds`).
 */
@Injectable()
export class CaseFromTweetService {
  private readonly log = new Logger(CaseFromTweetService.name);
  private readonly classifier: Classifier = createClassifier();
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly limits: CaseLimitsRepository,
    private readonly x: XAppClient,
    private readonly directory: BrandDirectory,
    private readonly pipeline: MentionPipeline,
    private readonly budget: XBudgetService,
    private readonly roles: ActorRoles,
    private readonly metrics: IngestMetrics,
  ) {
    this.settings = env.ingest;
  }

  async create(req: Request): Promise<Response> {
    if (!this.settings.caseFromTweet) {
      throw new DomainError(ErrorCode.UpstreamUnavailable, 'turning a tweet into a case is switched off', {
        reason: 'CASE_FROM_TWEET_DISABLED',
      });
    }
    const tweetId = parseTweetRef(req.urlOrId);
    // Any active agent, supervisor, admin or API key of the brand, as routing knows them now.
    await this.roles.current(req.brandId, req.actorId);
    const brand = this.directory.get(req.brandId);
    if (!brand || brand.accounts.length === 0) {
      throw new DomainError(ErrorCode.BadUserInput, 'the brand has no X account to answer from', {
        reason: 'NO_BRAND_ACCOUNT',
      });
    }
    const { spent, budget } = this.budget.budget.state(req.brandId);
    if (budget > 0 && spent >= budget) {
      throw new DomainError(ErrorCode.RateLimited, "the brand's X API budget for this month is spent", {
        reason: 'X_BUDGET_EXHAUSTED',
        spent,
        budget,
      });
    }
    const verdict = await this.limits.take({
      brandId: req.brandId,
      actorId: req.actorId,
      perActor: this.settings.caseFromTweetPerActorPerMinute,
      perBrand: this.settings.caseFromTweetPerBrandPerMinute,
    });
    if (!verdict.allowed) {
      throw new DomainError(
        ErrorCode.RateLimited,
        verdict.scope === 'actor'
          ? 'too many tweets turned into cases this minute, try again shortly'
          : 'too many tweets turned into cases for this brand this minute, try again shortly',
        {
          reason:
            verdict.scope === 'actor' ? 'CASE_FROM_TWEET_RATE_LIMITED' : 'CASE_FROM_TWEET_BRAND_RATE_LIMITED',
          retryAfterSeconds: verdict.retryAfterSeconds,
        },
      );
    }
    let calls = 0;
    try {
      calls++;
      const found = await this.lookup(tweetId);
      const tweet = this.normalize(found, tweetId);
      if (!tweet) throw notFound(tweetId, isProtected(found) ? 'TWEET_PROTECTED' : 'TWEET_NOT_FOUND');
      if (isOwn(brand, tweet)) {
        throw new DomainError(ErrorCode.BadUserInput, "the brand's own tweet is not a customer case", {
          reason: 'OWN_TWEET',
          tweetId,
        });
      }
      const earlier: NormalizedTweet[] = [];
      let parentId = tweet.inReplyToTweetId;
      for (let ancestors = 0; parentId && ancestors < MAX_THREAD_LOOKUPS; ancestors++) {
        calls++;
        const parent = this.normalize(await this.lookup(parentId), parentId);
        // A deleted or protected ancestor ends the walk: what is above it cannot be read.
        if (!parent) break;
        if (parent.authorId === tweet.authorId) earlier.unshift(parent);
        parentId = parent.inReplyToTweetId;
      }
      const thread = [...earlier, tweet];
      const matchedRules = [{ id: `manual:${req.actorId}`, tag: 'manual' }];
      for (const t of thread) {
        const mention = buildMention({
          brand,
          tweet: t,
          source: 'manual',
          channel: 'public',
          matchedRules,
          classifier: this.classifier,
          // The pasted tweet carries the agent: conversations writes the audit row with the message.
          ...(t === tweet ? { requestedBy: req.actorId } : {}),
        });
        if (!mention) {
          throw new DomainError(ErrorCode.BadUserInput, "the brand's X account is not resolved on X yet", {
            reason: 'BRAND_ACCOUNT_UNRESOLVED',
          });
        }
        // One at a time: routing sees the thread in order, so the earliest tweet opens the case.
        await this.pipeline.accept(mention);
      }
      this.log.log({ brandId: req.brandId, tweetId, thread: thread.length }, 'tweet turned into a case');

      return { tweetId, threadTweetIds: thread.map((t) => t.id) };
    } catch (err) {
      throw toDomainError(err);
    } finally {
      this.budget.record({ brandId: req.brandId, source: 'manual', calls, items: calls });
    }
  }

  private lookup(id: string): Promise<TweetV2SingleResult> {
    return this.x.api.v2.singleTweet(id, TWEET_QUERY);
  }

  /**
   * The tweet, or null when X answered 200 with a partial error instead (not found, deleted,
   * protected: X's lookups say so in `errors`, RELIABILITY.md).
   */
  private normalize(res: TweetV2SingleResult, id: string): NormalizedTweet | null {
    if (!res.data) {
      const problem = res.errors?.[0];
      if (problem && !isGone(problem.type)) {
        throw new DomainError(ErrorCode.UpstreamUnavailable, 'X could not return the tweet', {
          reason: 'X_ERROR',
          tweetId: id,
          xProblem: String(problem.title ?? problem.type ?? 'unknown'),
        });
      }

      return null;
    }
    try {
      return normalizeTweet(res.data, usersById(res.includes?.users), {
        referenced: tweetsById(res.includes?.tweets),
      });
    } catch (err) {
      if (!(err instanceof MalformedTweetError)) throw err;
      this.metrics.malformed.inc({ source: 'manual', reason: err.reason.split(' ')[0] ?? 'unknown' });
      throw new DomainError(ErrorCode.UpstreamUnavailable, 'X returned a tweet Roost cannot read', {
        reason: 'MALFORMED_TWEET',
        tweetId: id,
      });
    }
  }
}

/** X's partial-error types for a tweet that is not there for us: deleted, never existed, or protected. */
function isGone(type: unknown): boolean {
  return (
    typeof type === 'string' &&
    (type.endsWith('/resource-not-found') || type.endsWith('/not-authorized-for-resource'))
  );
}

/** X's answer for a protected author's tweet: it exists, but the app may not read it. */
function isProtected(res: TweetV2SingleResult): boolean {
  const type = res.errors?.[0]?.type;

  return typeof type === 'string' && type.endsWith('/not-authorized-for-resource');
}

function notFound(tweetId: string, reason: string): DomainError {
  return new DomainError(ErrorCode.NotFound, 'no such tweet on X (deleted, protected or never posted)', {
    reason,
    what: 'tweet',
    id: tweetId,
  });
}

function isOwn(brand: BrandListening, tweet: NormalizedTweet): boolean {
  return brand.ownUserIds.has(tweet.authorId) || brand.ownHandles.has(tweet.author.handle.toLowerCase());
}

/** X's failures as typed errors: a refused id is not found; X down, throttled or unreadable is UPSTREAM_UNAVAILABLE. */
function toDomainError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  if (err instanceof ApiResponseError) {
    if (err.code === 404) return notFound('', 'TWEET_NOT_FOUND');
    return new DomainError(ErrorCode.UpstreamUnavailable, 'X is not answering; try again shortly', {
      reason: err.code === 429 ? 'X_RATE_LIMITED' : 'X_ERROR',
      status: err.code,
    });
  }
  if (err instanceof ApiRequestError || err instanceof ApiPartialResponseError) {
    return new DomainError(ErrorCode.UpstreamUnavailable, 'X is not answering; try again shortly', {
      reason: 'X_UNREACHABLE',
    });
  }

  return err;
}
