import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import type { BrandAccount } from '../data/listening-rows';
import { tweetsById } from '../pipeline/normalized-tweet';
import { APP_TOKEN, XAppClient } from '../x-api/x-app-client';
import { DueSchedule } from './due-schedule';
import { PollingSource } from './polling-source';
import { newestId } from './recent-search.reader';
import { mediaByKey } from '../pipeline/normalized-media';
import { TWEET_QUERY } from './tweet-fields';
import { TweetIntake } from './tweet-intake.service';

const ENDPOINT = 'GET /2/users/:id/mentions';

/**
 * Polls each brand account's mentions timeline from its stored `since_id`: the backstop for
 * stream disconnects and restarts. Pages are stored as they are read; the cursor advances only
 * after every tweet of the poll is durably in the ledger, so a crash mid-poll re-reads (and the
 * ledger drops the overlap). Without a cursor it starts from now (newest page only).
 */
@Injectable()
export class MentionsPollerSource extends PollingSource {
  protected readonly sourceName = 'mentions';
  private readonly due = new DueSchedule();

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly x: XAppClient,
    private readonly repo: BrandAccountsRepository,
    private readonly directory: BrandDirectory,
    private readonly intake: TweetIntake,
    private readonly budget: XBudgetService,
    metrics: IngestMetrics,
  ) {
    super(metrics);
  }

  protected enabled(): boolean {
    return true;
  }

  protected intervalMs(): number {
    return this.env.ingest.pollIntervalMs;
  }

  async pollAll(): Promise<void> {
    for (const brand of this.directory.all()) {
      for (const account of brand.accounts) {
        if (!account.pollMentions || !account.xUserId) continue;
        const wait = this.x.limiter.waitMs(ENDPOINT, APP_TOKEN);
        if (wait > 0) {
          this.metrics.rateLimitWaits.inc({ endpoint: ENDPOINT });

          return;
        }
        if (!this.due.isDue(account.id)) continue;
        await this.pollAccount(brand.brandId, account);
        this.due.done(account.id, this.intervalMs() * (this.budget.slowdown(brand.brandId, 'high') - 1));
      }
    }
  }

  private async pollAccount(brandId: string, account: BrandAccount): Promise<void> {
    const brand = this.directory.get(brandId);
    if (!brand || !account.xUserId) return;
    const since = await this.repo.cursor(brandId, 'mentions', account.id);
    const brands = [
      {
        brand,
        matchedRules: [{ id: `mentions:${account.id}`, tag: `mentions:@${account.handle}` }],
        account,
      },
    ];
    let newest: string | null = null;
    let requests = 0;
    let items = 0;
    try {
      const page = await this.x.api.v2.userMentionTimeline(account.xUserId, {
        ...TWEET_QUERY,
        max_results: 100,
        ...(since ? { since_id: since } : {}),
      });
      requests = 1;
      let seen = 0;
      const deliver = async () => {
        const fresh: TweetV2[] = page.tweets.slice(seen);
        seen = page.tweets.length;
        items += fresh.length;
        newest = newestId(
          fresh.map((t) => t.id),
          newest,
        );
        const users = new Map<string, UserV2>(page.includes.users.map((u) => [u.id, u]));
        const referenced = tweetsById(page.includes.tweets);
        const media = mediaByKey(page.includes.media);
        await Promise.all(
          fresh.map((tweet) =>
            this.intake.intake({ tweet, users, referenced, media, source: 'mentions', brands }),
          ),
        );
      };
      await deliver();
      while (since && !page.done) {
        await page.fetchNext();
        requests++;
        if (page.tweets.length === seen) break;
        await deliver();
      }
    } catch (err) {
      this.onApiError(err);

      return;
    } finally {
      this.budget.record({ brandId, source: 'mentions', calls: requests, items });
    }
    if (newest) await this.repo.advanceCursor(brandId, 'mentions', account.id, newest);
  }
}
