import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { ETwitterStreamEvent, type TweetStream, type TweetV2SingleStreamResult } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import { mediaByKey } from '../pipeline/normalized-media';
import { tweetsById, usersById } from '../pipeline/normalized-tweet';
import { XAppClient } from '../x-api/x-app-client';
import { streamRetryDelayMs } from './reconnect-policy';
import { SearchPollerSource } from './search-poller.source';
import { brandOfTag, compileStreamRules, diffRules } from './stream-rules';
import { TWEET_QUERY } from './tweet-fields';
import { TweetIntake } from './tweet-intake.service';

/** Backfill starts this long before the last stream tweet (snowflake ids carry ms << 22): overlap, deduped. */
const BACKFILL_OVERLAP_MS = 10_000n;
const CURSOR_FLUSH_MS = 2000;
const BACKFILL_RETRY_MS = 5000;
const TWITTER_EPOCH_MS = 1288834974657n;

/** The smallest X id at a time (snowflake: ms since X's epoch << 22). */
function idAt(ms: number): bigint {
  return (BigInt(ms) - TWITTER_EPOCH_MS) << 22n;
}

/**
 * The real-time source: syncs the brands' rules by diff, holds one filtered-stream connection
 * with unlimited reconnects on X's back-off, and hands every tweet to the intake. After every
 * (re)connect, a recent search from the last stream tweet id (kept per brand in `source_cursors`,
 * so a restart's gap is covered too) recovers what the gap missed.
 */
@Injectable()
export class FilteredStreamSource implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(FilteredStreamSource.name);
  private stream: TweetStream<TweetV2SingleStreamResult> | undefined;
  private connected = false;
  private stopped = false;
  /** Newest stream tweet stored, per brand; persisted every few seconds. */
  private readonly lastIds = new Map<string, string>();
  private readonly dirtyIds = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private backfilling: Promise<void> = Promise.resolve();
  private rulesSignature = '';
  /** When this process first connected: the backfill's start for a brand with no stream tweet yet. */
  private connectedAt: number | undefined;

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly x: XAppClient,
    private readonly directory: BrandDirectory,
    private readonly repo: BrandAccountsRepository,
    private readonly intake: TweetIntake,
    private readonly search: SearchPollerSource,
    private readonly budget: XBudgetService,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: IngestMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.ingest.stream) return;
    await this.syncRules();
    this.directory.onRefreshed(() => void this.syncRulesIfChanged());
    this.readiness.register('x-stream', () => this.connected);
    this.flushTimer = setInterval(() => void this.flushCursors(), CURSOR_FLUSH_MS);
    void this.connect();
  }

  private desiredRules() {
    return this.directory.all().flatMap((b) => compileStreamRules(b));
  }

  private async syncRulesIfChanged(): Promise<void> {
    const sig = JSON.stringify(this.desiredRules());
    if (sig === this.rulesSignature) return;
    try {
      await this.syncRules();
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'stream rules sync failed');
    }
  }

  /** After a listening change: re-sync by diff (no-op when this process does not stream). */
  async syncRulesIfEnabled(): Promise<void> {
    if (this.env.ingest.stream) await this.syncRules();
  }

  async syncRules(): Promise<void> {
    const desired = this.desiredRules();
    const current = await this.x.api.v2.streamRules();
    const existing = (current.data ?? []).map((r) => ({
      id: r.id,
      value: r.value,
      ...(r.tag ? { tag: r.tag } : {}),
    }));
    const { deleteIds, add } = diffRules(existing, desired, (tag) => brandOfTag(tag) !== null);
    if (deleteIds.length > 0) await this.x.api.v2.updateStreamRules({ delete: { ids: deleteIds } });
    if (add.length > 0) await this.x.api.v2.updateStreamRules({ add });
    this.rulesSignature = JSON.stringify(desired);
    this.log.log(
      { added: add.length, deleted: deleteIds.length, total: desired.length },
      'stream rules synced',
    );
  }

  private async connect(): Promise<void> {
    let attempt = 0;
    while (!this.stream && !this.stopped) {
      try {
        this.stream = await this.x.api.v2.searchStream({ ...TWEET_QUERY, autoConnect: true });
      } catch (err) {
        attempt++;
        const delay = streamRetryDelayMs(attempt, err);
        this.metrics.apiErrors.inc({
          endpoint: 'stream',
          status: String((err as { code?: unknown }).code ?? 'network'),
        });
        this.log.warn({ err: (err as Error).message, attempt, delay }, 'stream connect failed');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
    const s = this.stream;
    if (!s) return;
    s.autoReconnect = true;
    s.autoReconnectRetries = Infinity;
    s.keepAliveTimeoutMs = this.env.ingest.streamStallMs;
    s.nextRetryTimeout = (n, err) => {
      const delay = streamRetryDelayMs(n, err);
      if ((err as { code?: unknown } | undefined)?.code === 429) {
        this.metrics.rateLimitWaits.inc({ endpoint: 'GET /2/tweets/search/stream' });
      }

      return delay;
    };
    this.connected = true;
    this.connectedAt = Date.now();
    this.metrics.streamEvents.inc({ event: 'connected' });
    s.on(ETwitterStreamEvent.Data, (item) => this.onTweet(item));
    s.on(ETwitterStreamEvent.ConnectionLost, () => {
      this.connected = false;
      this.metrics.streamEvents.inc({ event: 'lost' });
      this.log.warn({}, 'stream connection lost; reconnecting');
    });
    s.on(ETwitterStreamEvent.Reconnected, () => {
      this.connected = true;
      this.metrics.streamEvents.inc({ event: 'reconnected' });
      this.log.log({}, 'stream reconnected');
      this.scheduleBackfill();
    });
    s.on(ETwitterStreamEvent.ReconnectError, (tries) => this.log.warn({ tries }, 'stream reconnect failed'));
    s.on(ETwitterStreamEvent.DataError, (err) => this.log.warn({ err: String(err) }, 'stream data error'));
    s.on(ETwitterStreamEvent.TweetParseError, (err) => {
      this.metrics.streamEvents.inc({ event: 'parse_error' });
      this.log.warn({ err: String(err) }, 'unparseable stream payload');
    });
    // The first connection after a restart has a gap too (since the persisted last id).
    this.scheduleBackfill();
  }

  private onTweet(item: TweetV2SingleStreamResult): void {
    const brands = this.intake.brandsForTags(item.matching_rules ?? [], brandOfTag);
    if (brands.length === 0) return;
    const id = item.data?.id;
    this.intake
      .intake({
        tweet: item.data,
        users: usersById(item.includes?.users),
        referenced: tweetsById(item.includes?.tweets),
        media: mediaByKey(item.includes?.media),
        source: 'stream',
        brands,
      })
      .then(() => {
        for (const b of brands) {
          this.budget.record({ brandId: b.brand.brandId, source: 'stream', calls: 0, items: 1 });
          if (id && /^[0-9]+$/.test(id)) this.noteLastId(b.brand.brandId, id);
        }
      })
      .catch((err: unknown) =>
        this.log.error({ err: (err as Error).message, tweetId: id }, 'stream tweet not stored'),
      );
  }

  private noteLastId(brandId: string, id: string): void {
    const prev = this.lastIds.get(brandId);
    if (prev && BigInt(prev) >= BigInt(id)) return;
    this.lastIds.set(brandId, id);
    this.dirtyIds.add(brandId);
  }

  private async flushCursors(): Promise<void> {
    const brands = [...this.dirtyIds];
    this.dirtyIds.clear();
    for (const b of brands) {
      const id = this.lastIds.get(b);
      if (!id) continue;
      try {
        await this.repo.advanceCursor(b, 'stream', 'last', id);
      } catch (err) {
        this.dirtyIds.add(b);
        this.log.warn({ err: (err as Error).message }, 'stream cursor not saved');
      }
    }
  }

  private scheduleBackfill(): void {
    if (!this.env.ingest.streamBackfill) return;
    this.backfilling = this.backfilling
      .then(() => this.backfillAll())
      .catch((err: unknown) => this.log.error({ err: (err as Error).message }, 'stream backfill failed'));
  }

  /**
   * Every brand from its last stream tweet (minus an overlap), or from when this process first
   * connected if the brand has had none (a gap can come before its first tweet); retried until X
   * lets us.
   */
  private async backfillAll(): Promise<void> {
    for (const brand of this.directory.all()) {
      const last =
        this.lastIds.get(brand.brandId) ?? (await this.repo.cursor(brand.brandId, 'stream', 'last'));
      const from = last ? BigInt(last) : this.connectedAt ? idAt(this.connectedAt) : null;
      if (from === null) continue;
      const since = from - (BACKFILL_OVERLAP_MS << 22n);
      if (since <= 0n) continue;
      while (!this.stopped) {
        if (await this.search.backfill(brand, since.toString())) break;
        await new Promise((r) => setTimeout(r, BACKFILL_RETRY_MS));
      }
    }
  }

  /** Resolves when the backfills scheduled so far are done (tests, shutdown). */
  backfillsSettled(): Promise<void> {
    return this.backfilling;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    this.stream?.close();
    if (this.flushTimer) clearInterval(this.flushTimer);
    await this.backfilling.catch(() => undefined);
    await this.flushCursors();
  }
}
