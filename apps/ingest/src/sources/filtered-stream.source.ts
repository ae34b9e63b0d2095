import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { Counter, Registry } from 'prom-client';
import { ETwitterStreamEvent, type TweetStream, type TweetV2SingleStreamResult } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { usersById } from '../pipeline/normalized-tweet';
import { streamRetryDelayMs } from './reconnect-policy';
import { brandOfTag, compileStreamRules, diffRules } from './stream-rules';
import { TweetIntake } from './tweet-intake.service';
import { TWEET_QUERY } from './tweet-fields';
import { XAppClient } from './x-app-client';

/**
 * The real-time source: syncs the brands' rules by diff, holds one filtered-stream connection
 * with unlimited reconnects on X's back-off, and hands every tweet to the intake. What a
 * disconnect misses, the mentions poller backfills (its cursor is independent).
 */
@Injectable()
export class FilteredStreamSource implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(FilteredStreamSource.name);
  private stream: TweetStream<TweetV2SingleStreamResult> | undefined;
  private connected = false;
  private readonly events: Counter<'event'>;

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly x: XAppClient,
    private readonly directory: BrandDirectory,
    private readonly intake: TweetIntake,
    private readonly readiness: ReadinessRegistry,
    @Inject(Registry) registry: Registry,
  ) {
    this.events = new Counter({
      name: 'roost_ingest_stream_events_total',
      help: 'Filtered-stream connection events',
      labelNames: ['event'],
      registers: [registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.ingest.stream) return;
    await this.syncRules();
    this.readiness.register('x-stream', () => this.connected);
    void this.connect();
  }

  async syncRules(): Promise<void> {
    const desired = this.directory.all().flatMap((b) => compileStreamRules(b));
    const current = await this.x.api.v2.streamRules();
    const existing = (current.data ?? []).map((r) => ({ id: r.id, value: r.value, ...(r.tag ? { tag: r.tag } : {}) }));
    const { deleteIds, add } = diffRules(existing, desired, (tag) => brandOfTag(tag) !== null);
    if (deleteIds.length > 0) await this.x.api.v2.updateStreamRules({ delete: { ids: deleteIds } });
    if (add.length > 0) await this.x.api.v2.updateStreamRules({ add });
    this.log.log({ added: add.length, deleted: deleteIds.length, total: desired.length }, 'stream rules synced');
  }

  private async connect(): Promise<void> {
    let attempt = 0;
    while (!this.stream) {
      try {
        this.stream = await this.x.api.v2.searchStream({ ...TWEET_QUERY, autoConnect: true });
      } catch (err) {
        attempt++;
        const delay = streamRetryDelayMs(attempt, err);
        this.log.warn({ err: (err as Error).message, attempt, delay }, 'stream connect failed');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
    const s = this.stream;
    s.autoReconnect = true;
    s.autoReconnectRetries = Infinity;
    s.keepAliveTimeoutMs = this.env.ingest.streamStallMs;
    s.nextRetryTimeout = streamRetryDelayMs;
    this.connected = true;
    this.events.inc({ event: 'connected' });
    s.on(ETwitterStreamEvent.Data, (item) => this.onTweet(item));
    s.on(ETwitterStreamEvent.ConnectionLost, () => {
      this.connected = false;
      this.events.inc({ event: 'lost' });
      this.log.warn({}, 'stream connection lost; reconnecting');
    });
    s.on(ETwitterStreamEvent.Reconnected, () => {
      this.connected = true;
      this.events.inc({ event: 'reconnected' });
      this.log.log({}, 'stream reconnected');
    });
    s.on(ETwitterStreamEvent.ReconnectError, (tries) => this.log.warn({ tries }, 'stream reconnect failed'));
    s.on(ETwitterStreamEvent.DataError, (err) => this.log.warn({ err: String(err) }, 'stream data error'));
    s.on(ETwitterStreamEvent.TweetParseError, (err) => {
      this.events.inc({ event: 'parse_error' });
      this.log.warn({ err: String(err) }, 'unparseable stream payload');
    });
  }

  private onTweet(item: TweetV2SingleStreamResult): void {
    const brands = this.intake.brandsForTags(item.matching_rules ?? [], brandOfTag);
    if (brands.length === 0) return;
    this.intake
      .intake({ tweet: item.data, users: usersById(item.includes?.users), source: 'stream', brands })
      .catch((err: unknown) => this.log.error({ err: (err as Error).message, tweetId: item.data?.id }, 'stream tweet not stored'));
  }

  onModuleDestroy(): void {
    this.connected = false;
    this.stream?.close();
  }
}
