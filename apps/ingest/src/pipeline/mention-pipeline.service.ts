import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Events, type MentionReceivedV1 } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { Counter, Histogram, Registry } from 'prom-client';
import { MentionRepository } from './mention.repository';

interface Pending {
  mention: MentionReceivedV1;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 500;
const MAX_WAIT_MS = 2;
const REPUBLISH_EVERY_MS = 5000;
/** Above this many buffered mentions (database down for long), new stream tweets are refused. */
const MAX_BUFFER = 100_000;

/**
 * Micro-batches mentions from every source: one multi-row insert into the ledger (duplicates
 * dropped by the primary key), publish of the new ones with many acks in flight (message id
 * `<brand>:<tweet>`), then mark published. A stored mention whose publish failed is republished
 * by a sweeper, so nothing stored is ever lost and JetStream drops the double.
 */
@Injectable()
export class MentionPipeline implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(MentionPipeline.name);
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly received: Counter<'source'>;
  private readonly duplicates: Counter;
  private readonly published: Counter;
  private readonly batchSeconds: Histogram;

  constructor(
    private readonly repo: MentionRepository,
    private readonly bus: EventBus,
    private readonly client: NatsClient,
    registry: Registry,
  ) {
    this.received = new Counter({
      name: 'roost_ingest_mentions_received_total',
      help: 'Mentions received, by source (before de-duplication)',
      labelNames: ['source'],
      registers: [registry],
    });
    this.duplicates = new Counter({ name: 'roost_ingest_duplicates_dropped_total', help: 'Mentions already seen', registers: [registry] });
    this.published = new Counter({ name: 'roost_ingest_mentions_published_total', help: 'Mentions published', registers: [registry] });
    this.batchSeconds = new Histogram({
      name: 'roost_ingest_batch_seconds',
      help: 'Ledger insert + publish of one batch',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
      registers: [registry],
    });
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.republish(), REPUBLISH_EVERY_MS);
  }

  /** Resolves once the mention is durably stored (pollers advance their cursor only then). */
  accept(mention: MentionReceivedV1): Promise<void> {
    this.received.inc({ source: mention.source });
    if (this.buffer.length >= MAX_BUFFER) {
      return Promise.reject(new Error('ingest buffer full: database or NATS unavailable for too long'));
    }

    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ mention, resolve, reject });
      if (this.buffer.length >= MAX_BATCH) this.flushSoon(0);
      else if (!this.timer) this.flushSoon(MAX_WAIT_MS);
    });
  }

  private flushSoon(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const batch = this.buffer.splice(0, MAX_BATCH);
      if (batch.length === 0) return;
      this.running = this.running.then(() => this.process(batch));
      if (this.buffer.length > 0) this.flushSoon(0);
    }, delayMs);
  }

  private async process(batch: Pending[]): Promise<void> {
    const end = this.batchSeconds.startTimer();
    let fresh: MentionReceivedV1[];
    try {
      fresh = await this.repo.insertNew(batch.map((p) => p.mention));
    } catch (err) {
      this.log.error({ err: (err as Error).message, batch: batch.length }, 'mention ledger insert failed');
      for (const p of batch) p.reject(err);
      end();

      return;
    }
    // Stored: the sweeper guarantees the publish from here on, whatever happens next.
    for (const p of batch) p.resolve();
    this.duplicates.inc(batch.length - fresh.length);
    await this.publish(fresh);
    end();
  }

  private async publish(mentions: MentionReceivedV1[]): Promise<void> {
    if (mentions.length === 0) return;
    try {
      await this.bus.publishAll(
        Events.MentionReceived,
        mentions.map((m) => ({ payload: m, opts: { brandId: m.brandId, msgId: `${m.brandId}:${m.tweet.id}` } })),
      );
      await this.repo.markPublished(mentions);
      this.published.inc(mentions.length);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, count: mentions.length }, 'publish failed; the sweeper will retry');
    }
  }

  private async republish(): Promise<void> {
    if (!this.client.connected) return;
    try {
      const stale = await this.repo.unpublished(REPUBLISH_EVERY_MS, MAX_BATCH);
      if (stale.length > 0) {
        this.log.warn({ count: stale.length }, 'republishing stored mentions');
        await this.publish(stale);
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'republish sweep failed');
    }
  }

  /** Stop accepting; let the batches in hand reach the ledger. */
  async onModuleDestroy(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.buffer.length > 0) this.flushSoon(0);
    await new Promise((r) => setTimeout(r, MAX_WAIT_MS + 5));
    await this.running;
  }
}
