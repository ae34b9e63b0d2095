import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Events, type MentionReceivedV1 } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { LRUCache } from 'lru-cache';
import { IngestMetrics } from '../common/ingest.metrics';

interface Pending {
  key: string;
  mention: MentionReceivedV1;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 500;
const MAX_WAIT_MS = 2;
/** Above this many buffered mentions (NATS unreachable for long), new stream tweets are refused. */
const MAX_BUFFER = 100_000;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;
/**
 * Tweets this instance published lately: the mentions poller returns what the stream already
 * delivered, and each repeat cost a classification and a publish that JetStream then dropped.
 * Within JetStream's duplicate window (10 min); other instances' repeats still meet its check.
 */
const RECENT_MAX = 100_000;
const RECENT_TTL_MS = 10 * 60_000;

/**
 * Micro-batches mentions from every source and hands them to JetStream, which is the durable
 * store: a mention is accepted when its publish is acknowledged. The message id
 * `<brand>:<tweet>` makes JetStream drop repeats within the stream's duplicate window (stream
 * reconnect overlap, poll overlap); later repeats (backfill, recovery) are judged by routing's and
 * conversations' unique keys on brand + tweet (RELIABILITY.md). Nothing is written to PostgreSQL
 * on this path: the mention ledger that used to sit in front of the publish doubled the database
 * work per mention and bought nothing the stream does not give.
 *
 * A batch whose publish fails (NATS down) is retried with growing delays until it is acknowledged
 * or the service stops; pollers wait for it before they move their cursor, so nothing is skipped.
 */
@Injectable()
export class MentionPipeline implements OnModuleDestroy {
  private readonly log = new Logger(MentionPipeline.name);
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;
  private busy = false;
  private readonly recent = new LRUCache<string, true>({
    max: RECENT_MAX,
    ttl: RECENT_TTL_MS,
    ttlAutopurge: false,
  });

  constructor(
    private readonly bus: EventBus,
    private readonly metrics: IngestMetrics,
  ) {}

  /**
   * True when this instance published the brand's tweet lately: the caller skips it before
   * classifying (counted as a dropped duplicate).
   */
  alreadyPublished(brandId: string, tweetId: string, source: string): boolean {
    if (!this.recent.has(`${brandId}:${tweetId}`)) return false;
    this.metrics.mentionsReceived.inc({ source });
    this.metrics.duplicatesDropped.inc();

    return true;
  }

  /** Resolves once JetStream has acknowledged the mention (pollers advance their cursor only then). */
  accept(mention: MentionReceivedV1): Promise<void> {
    this.metrics.mentionsReceived.inc({ source: mention.source });
    if (this.stopping) return Promise.reject(new Error('ingest is stopping'));
    if (this.buffer.length >= MAX_BUFFER) {
      return Promise.reject(new Error('ingest buffer full: NATS unavailable for too long'));
    }

    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ key: `${mention.brandId}:${mention.tweet.id}`, mention, resolve, reject });
      this.schedule();
    });
  }

  /** The next batch is cut when the previous one is acknowledged, so batches grow with the load (see BatchConsumer). */
  private schedule(): void {
    if (this.busy || this.buffer.length === 0) return;
    if (this.buffer.length >= MAX_BATCH) this.flushSoon(0);
    else if (!this.timer) this.flushSoon(MAX_WAIT_MS);
  }

  private flushSoon(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.busy || this.buffer.length === 0) return;
      const batch = this.buffer.splice(0, MAX_BATCH);
      this.busy = true;
      this.running = this.process(batch).finally(() => {
        this.busy = false;
        if (this.buffer.length > 0) this.flushSoon(0);
      });
    }, delayMs);
  }

  private async process(batch: Pending[]): Promise<void> {
    const end = this.metrics.batchSeconds.startTimer();
    // The same tweet from two sources in one batch is published once.
    const unique = new Map<string, MentionReceivedV1>();
    for (const p of batch) if (!unique.has(p.key)) unique.set(p.key, p.mention);
    // The mention's correlation id is its key, `<brand>:<tweet>`: every event and log line of its handling carries it.
    const items = [...unique].map(([msgId, m]) => ({
      payload: m,
      opts: { brandId: m.brandId, msgId, correlationId: msgId },
    }));
    for (let attempt = 0; ; attempt++) {
      try {
        const acks = await this.bus.publishAll(Events.MentionReceived, items);
        const repeats = acks.reduce((n, a) => n + (a.duplicate ? 1 : 0), 0);
        this.metrics.duplicatesDropped.inc(batch.length - unique.size + repeats);
        this.metrics.mentionsPublished.inc(unique.size - repeats);
        for (const key of unique.keys()) this.recent.set(key, true);
        for (const p of batch) p.resolve();
        break;
      } catch (err) {
        if (this.stopping) {
          for (const p of batch) p.reject(err);
          break;
        }
        const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
        this.log.warn(
          { err: (err as Error).message, count: items.length, attempt, retryInMs: delay },
          'mention publish failed; retrying',
        );
        await new Promise((r) => setTimeout(r, delay));
      }
    }
    end();
  }

  /** Stop accepting; the mentions in hand get one publish attempt each (no retries), then the pollers keep their cursor. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    while (this.busy || this.buffer.length > 0) {
      this.schedule();
      await this.running;
      await new Promise((r) => setTimeout(r, MAX_WAIT_MS));
    }
  }
}
