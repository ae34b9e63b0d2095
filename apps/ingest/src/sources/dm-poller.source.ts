import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import type { UserV2 } from 'twitter-api-v2';
import { BrandDirectory, type BrandListening } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import type { BrandAccount } from '../data/listening-rows';
import type { DmEvent as DMEventV2 } from '../pipeline/dm-event';
import { normalizeDmEvent } from '../pipeline/normalized-dm';
import { mediaByKey, type MediaById } from '../pipeline/normalized-media';
import { MalformedTweetError } from '../pipeline/normalized-tweet';
import { XUserClients } from '../x-api/x-user-clients';
import { DueSchedule } from './due-schedule';
import { PollingSource } from './polling-source';
import { MEDIA_FIELDS } from './tweet-fields';
import { newestId } from './recent-search.reader';
import { TweetIntake } from './tweet-intake.service';

const ENDPOINT = 'GET /2/dm_events';

/**
 * Polls each brand account's DM events (`GET /2/dm_events`, the account's own user context),
 * newest first, down to the stored cursor (X's dm_events has no since_id: we page until we
 * reach it). Each message to the brand becomes a mention on channel dm; the cursor advances only
 * after they are stored. Without a cursor it starts from now (newest page only).
 */
@Injectable()
export class DmPollerSource extends PollingSource {
  protected readonly sourceName = 'dm';
  private readonly due = new DueSchedule();
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly clients: XUserClients,
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
    return this.settings.dms;
  }

  protected intervalMs(): number {
    return this.settings.dmIntervalMs;
  }

  async pollAll(): Promise<void> {
    for (const brand of this.directory.all()) {
      for (const account of brand.accounts) {
        if (!account.pollDms || !account.xUserId || !this.due.isDue(account.id)) continue;
        if (this.clients.limiter.waitMs(ENDPOINT, XUserClients.tokenLabel(account.handle)) > 0) {
          this.metrics.rateLimitWaits.inc({ endpoint: ENDPOINT });
          continue;
        }
        await this.pollAccount(brand, account);
        this.due.done(account.id, this.intervalMs() * (this.budget.slowdown(brand.brandId, 'high') - 1));
      }
    }
  }

  private async pollAccount(brand: BrandListening, account: BrandAccount): Promise<void> {
    const since = await this.repo.cursor(brand.brandId, 'dm', account.id);
    const api = this.clients.forHandle(account.handle);
    const fresh: DMEventV2[] = [];
    let users = new Map<string, UserV2>();
    let media: MediaById = new Map();
    let requests = 0;
    try {
      const page = await api.v2.listDmEvents({
        'dm_event.fields': [
          'id',
          'text',
          'event_type',
          'sender_id',
          'dm_conversation_id',
          'created_at',
          'attachments',
        ],
        expansions: ['sender_id', 'attachments.media_keys'],
        'media.fields': MEDIA_FIELDS,
        'user.fields': ['name', 'username', 'verified', 'public_metrics', 'protected'],
        event_types: 'MessageCreate',
        max_results: 100,
      });
      requests = 1;
      // Newest first: stop at the cursor. Without one, the newest page only.
      const reachedCursor = () => !!since && page.events.some((e) => BigInt(e.id) <= BigInt(since));
      while (since && !page.done && !reachedCursor()) {
        await page.fetchNext();
        requests++;
      }
      fresh.push(...page.events.filter((e) => !since || BigInt(e.id) > BigInt(since)));
      users = new Map(page.includes.users.map((u) => [u.id, u]));
      media = mediaByKey(page.includes.media);
    } catch (err) {
      this.budget.record({ brandId: brand.brandId, source: 'dm', calls: Math.max(1, requests), items: 0 });
      this.onApiError(err);

      return;
    }
    this.budget.record({ brandId: brand.brandId, source: 'dm', calls: requests, items: fresh.length });
    const brands = [
      { brand, matchedRules: [{ id: `dm:${account.id}`, tag: `dm:@${account.handle}` }], account },
    ];
    await Promise.all(fresh.map((event) => this.deliver(event, users, media, brands)));
    const newest = newestId(fresh.map((e) => e.id));
    if (newest) await this.repo.advanceCursor(brand.brandId, 'dm', account.id, newest);
  }

  private async deliver(
    event: DMEventV2,
    users: ReadonlyMap<string, UserV2>,
    media: MediaById,
    brands: Parameters<TweetIntake['intake']>[0]['brands'],
  ): Promise<void> {
    let normalized;
    try {
      normalized = normalizeDmEvent(event, users, media);
    } catch (err) {
      if (!(err instanceof MalformedTweetError)) throw err;
      this.intake.deadLetter('dm', err, event);

      return;
    }
    if (!normalized) return;
    await this.intake.intake({ tweet: undefined, users, source: 'dm', channel: 'dm', brands, normalized });
  }
}
