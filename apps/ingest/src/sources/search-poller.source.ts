import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import { BrandDirectory, type BrandListening } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import { APP_TOKEN } from '../x-api/x-app-client';
import { DueSchedule } from './due-schedule';
import { PollingSource } from './polling-source';
import { RecentSearchReader, SEARCH_ENDPOINT } from './recent-search.reader';
import { compileStreamRules } from './stream-rules';
import { TweetIntake } from './tweet-intake.service';

/** While paused by the budget, look again after this many intervals (a raised budget resumes it). */
const PAUSED_RECHECK_INTERVALS = 16;

/**
 * Recent-search polling of each brand's names, hashtags, misspellings and purchase-intent phrases
 * (the same query strings as its stream rules), one `since_id` cursor per query (`search`/`q<n>`):
 * catches what the stream missed and what nobody @mentioned. The first to slow when the brand's
 * X budget runs low. Also the stream's backfill after a reconnect (`backfill`).
 */
@Injectable()
export class SearchPollerSource extends PollingSource {
  protected readonly sourceName = 'search';
  private readonly due = new DueSchedule();
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly reader: RecentSearchReader,
    private readonly repo: BrandAccountsRepository,
    private readonly directory: BrandDirectory,
    private readonly intake: TweetIntake,
    private readonly budget: XBudgetService,
    metrics: IngestMetrics,
  ) {
    super(metrics);
    this.settings = env.ingest;
  }

  protected enabled(): boolean {
    return this.settings.search;
  }

  protected intervalMs(): number {
    return this.settings.searchIntervalMs;
  }

  async pollAll(): Promise<void> {
    for (const brand of this.directory.all()) {
      if (!this.due.isDue(brand.brandId)) continue;
      const slow = this.budget.slowdown(brand.brandId, 'low');
      if (!Number.isFinite(slow)) {
        this.due.done(brand.brandId, this.intervalMs() * PAUSED_RECHECK_INTERVALS);
        continue;
      }
      const queries = compileStreamRules(brand).map((r) => r.value);
      for (const [i, query] of queries.entries()) {
        if (!(await this.searchOnce({ brand, query, cursorKey: `q${i}`, cursorSource: 'search' }))) return;
      }
      this.due.done(brand.brandId, this.intervalMs() * (slow - 1));
    }
  }

  /**
   * Recovers what the stream may have missed: every brand query from `sinceId` (the last stream
   * tweet before the gap), all pages. Returns false when X refused (the caller retries later).
   */
  async backfill(brand: BrandListening, sinceId: string): Promise<boolean> {
    let ok = true;
    for (const [i, query] of compileStreamRules(brand)
      .map((r) => r.value)
      .entries()) {
      ok = (await this.searchOnce({ brand, query, cursorKey: `q${i}`, sinceId, cursorSource: null })) && ok;
    }

    return ok;
  }

  /** One query from its cursor (or the given since id); false when rate-limited or X failed. */
  private async searchOnce(opts: {
    brand: BrandListening;
    query: string;
    cursorKey: string;
    cursorSource: 'search' | null;
    sinceId?: string;
  }): Promise<boolean> {
    const { brand } = opts;
    if (this.reader.limiter.waitMs(SEARCH_ENDPOINT, APP_TOKEN) > 0) {
      this.metrics.rateLimitWaits.inc({ endpoint: SEARCH_ENDPOINT });

      return false;
    }
    const since =
      opts.sinceId ??
      (opts.cursorSource ? await this.repo.cursor(brand.brandId, opts.cursorSource, opts.cursorKey) : null);
    const matchedRules = [{ id: `search:${opts.cursorKey}`, tag: `search:${opts.cursorKey}` }];
    const source = opts.cursorSource ? 'search' : 'backfill';
    let result: { newest: string | null; requests: number; items: number };
    try {
      result = await this.reader.read({
        query: opts.query,
        sinceId: since,
        onPage: async (page) => {
          await Promise.all(
            page.tweets.map((tweet) =>
              this.intake.intake({
                tweet,
                users: page.users,
                referenced: page.referenced,
                media: page.media,
                source: 'search',
                brands: [{ brand, matchedRules }],
              }),
            ),
          );
        },
      });
    } catch (err) {
      this.budget.record({ brandId: brand.brandId, source, items: 0 });
      this.onApiError(err);

      return false;
    }
    this.budget.record({ brandId: brand.brandId, source, calls: result.requests, items: result.items });
    if (opts.cursorSource && result.newest) {
      await this.repo.advanceCursor(brand.brandId, opts.cursorSource, opts.cursorKey, result.newest);
    }

    return true;
  }
}
