import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { Counter, Registry } from 'prom-client';
import { ApiResponseError, type TweetV2, type UserV2 } from 'twitter-api-v2';
import { BrandAccountsRepository, type BrandAccount } from '../accounts/brand-accounts.repository';
import { BrandDirectory } from '../accounts/brand-directory';
import { TweetIntake } from './tweet-intake.service';
import { TWEET_QUERY } from './tweet-fields';
import { XAppClient } from './x-app-client';

/** Pages read per account per poll: a bounded catch-up, the rest next time. */
const MAX_PAGES = 10;

/**
 * Polls each brand account's mentions timeline from its stored `since_id`: the backstop for
 * stream disconnects and restarts. The cursor advances only after every tweet of the poll is
 * durably in the ledger, so a crash mid-poll re-reads (and the ledger drops the overlap).
 */
@Injectable()
export class MentionsPollerSource implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(MentionsPollerSource.name);
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private pausedUntil = 0;
  private readonly waits: Counter<'endpoint'>;
  private readonly apiErrors: Counter<'endpoint' | 'status'>;

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly x: XAppClient,
    private readonly repo: BrandAccountsRepository,
    private readonly directory: BrandDirectory,
    private readonly intake: TweetIntake,
    @Inject(Registry) registry: Registry,
  ) {
    this.waits = new Counter({
      name: 'roost_ingest_rate_limit_waits_total',
      help: 'Polls skipped while waiting for x-rate-limit-reset',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    this.apiErrors = new Counter({
      name: 'roost_ingest_api_errors_total',
      help: 'X API errors',
      labelNames: ['endpoint', 'status'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.polling = this.pollAll()
        .catch((err: unknown) => this.log.error({ err: (err as Error).message }, 'mentions poll failed'))
        .finally(() => this.schedule(this.env.ingest.pollIntervalMs));
    }, delayMs);
  }

  async pollAll(): Promise<void> {
    if (Date.now() < this.pausedUntil) {
      this.waits.inc({ endpoint: 'mentions' });

      return;
    }
    for (const brand of this.directory.all()) {
      for (const account of brand.accounts) {
        if (!account.pollMentions || !account.xUserId) continue;
        await this.pollAccount(brand.brandId, account);
      }
    }
  }

  private async pollAccount(brandId: string, account: BrandAccount): Promise<void> {
    const brand = this.directory.get(brandId);
    if (!brand || !account.xUserId) return;
    const since = await this.repo.cursor(brandId, 'mentions', account.id);
    let newest: string | null = null;
    const tweets: TweetV2[] = [];
    const users = new Map<string, UserV2>();
    try {
      const page = await this.x.api.v2.userMentionTimeline(account.xUserId, {
        ...TWEET_QUERY,
        max_results: 100,
        ...(since ? { since_id: since } : {}),
      });
      newest = page.meta.newest_id ?? null;
      let pages = 1;
      const collect = () => {
        tweets.push(...page.tweets);
        for (const u of page.includes.users) users.set(u.id, u);
      };
      collect();
      // Without a cursor, start from now: the first page only, no history backfill.
      while (since && !page.done && pages < MAX_PAGES) {
        const before = page.tweets.length;
        await page.fetchNext();
        pages++;
        if (page.tweets.length === before) break;
        tweets.length = 0;
        collect();
      }
    } catch (err) {
      this.onApiError('mentions', err);

      return;
    }
    const brands = [{ brand, matchedRules: [{ id: `mentions:${account.id}`, tag: `mentions:@${account.handle}` }], account }];
    await Promise.all(tweets.map((tweet) => this.intake.intake({ tweet, users, source: 'mentions', brands })));
    if (newest) await this.repo.advanceCursor(brandId, 'mentions', account.id, newest);
  }

  private onApiError(endpoint: string, err: unknown): void {
    if (err instanceof ApiResponseError) {
      this.apiErrors.inc({ endpoint, status: String(err.code) });
      if (err.code === 429) {
        const reset = err.rateLimit?.reset ? err.rateLimit.reset * 1000 : Date.now() + 60_000;
        this.pausedUntil = Math.max(this.pausedUntil, reset);
        this.log.warn({ endpoint, resumeAt: new Date(reset).toISOString() }, 'rate limited; waiting for reset');

        return;
      }
      if (err.code >= 500) this.pausedUntil = Date.now() + 5000;
    } else {
      this.apiErrors.inc({ endpoint, status: 'network' });
    }
    this.log.warn({ endpoint, err: (err as Error).message }, 'X API error');
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }
}
