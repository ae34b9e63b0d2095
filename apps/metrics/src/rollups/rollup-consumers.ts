import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ConversationRoutedV1, type MessageSentV1 } from '@roost/contracts';
import { BatchConsumer, DONE, NatsClient, fromNestLogger, type Delivery } from '@roost/messaging';
import { ReadinessRegistry } from '@roost/observability';
import { Counter, Histogram, Registry } from 'prom-client';
import { RollupRepository, type RollupDelta } from './rollup.repository';

const HOUR = 3600_000;
const hourOf = (iso: string): Date => new Date(Math.floor(Date.parse(iso) / HOUR) * HOUR);
const ZERO = { inbound: 0, opened: 0, negative: 0, neutral: 0, positive: 0, replies: 0, firstResponses: 0, firstResponseMs: 0 };

export function routedDelta(e: ConversationRoutedV1): RollupDelta {
  const label = e.mention.classification.sentiment.label;

  return {
    ...ZERO,
    brandId: e.brandId,
    eventId: `routed:${e.mention.tweet.id}`,
    queueId: e.queueId,
    hour: hourOf(e.mention.tweet.createdAt),
    inbound: 1,
    opened: e.opened ? 1 : 0,
    [label]: 1,
  };
}

export function sentDelta(e: MessageSentV1): RollupDelta | null {
  if (!e.queueId) return null;

  return {
    ...ZERO,
    brandId: e.brandId,
    eventId: `sent:${e.messageId}`,
    queueId: e.queueId,
    hour: hourOf(e.sentAt),
    replies: 1,
    firstResponses: e.firstResponse ? 1 : 0,
    firstResponseMs: e.firstResponse ? Math.max(0, Date.parse(e.sentAt) - Date.parse(e.conversationOpenedAt)) : 0,
  };
}

/** Folds routed mentions and sent replies into hourly rollups and live Prometheus figures. */
@Injectable()
export class RollupConsumers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(RollupConsumers.name);
  private readonly consumers: Array<BatchConsumer<typeof Events.ConversationRouted> | BatchConsumer<typeof Events.MessageSent>> = [];
  private readonly folded: Counter<'event'>;
  private readonly frt: Histogram<'queue'>;
  private started = false;

  constructor(
    private readonly client: NatsClient,
    private readonly repo: RollupRepository,
    private readonly readiness: ReadinessRegistry,
    registry: Registry,
  ) {
    this.folded = new Counter({ name: 'roost_metrics_events_folded_total', help: 'Events folded', labelNames: ['event'], registers: [registry] });
    this.frt = new Histogram({
      name: 'roost_first_response_seconds',
      help: 'First response time',
      labelNames: ['queue'],
      buckets: [60, 300, 900, 1800, 3600, 7200, 14400, 86400],
      registers: [registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const log = fromNestLogger(this.log);
    const routed = new BatchConsumer({
      client: this.client,
      event: Events.ConversationRouted,
      durable: this.client.topology.durable('metrics', 'routed'),
      log,
      handle: async (batch: ReadonlyArray<Delivery<ConversationRoutedV1>>) => {
        const n = await this.repo.fold(batch.map((d) => routedDelta(d.payload)));
        this.folded.inc({ event: 'conversation.routed' }, n);

        return batch.map(() => DONE);
      },
    });
    const sent = new BatchConsumer({
      client: this.client,
      event: Events.MessageSent,
      durable: this.client.topology.durable('metrics', 'sent'),
      log,
      handle: async (batch: ReadonlyArray<Delivery<MessageSentV1>>) => {
        const deltas = batch.map((d) => sentDelta(d.payload)).filter((d): d is RollupDelta => d !== null);
        const n = await this.repo.fold(deltas);
        this.folded.inc({ event: 'message.sent' }, n);
        for (const d of deltas) if (d.firstResponses > 0) this.frt.observe({ queue: d.queueId }, d.firstResponseMs / 1000);

        return batch.map(() => DONE);
      },
    });
    this.consumers.push(routed, sent);
    await routed.start();
    await sent.start();
    this.started = true;
    this.readiness.register('rollup-consumers', () => this.started);
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    for (const c of this.consumers) await c.stop();
  }
}
