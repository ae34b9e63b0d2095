import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type EventDef, type MessageSentV1, type PayloadOf } from '@roost/contracts';
import { BatchConsumer, DONE, NatsClient, fromNestLogger, type Delivery } from '@roost/messaging';
import { ReadinessRegistry } from '@roost/observability';
import { Counter, Histogram, Registry } from 'prom-client';
import { FactsService } from '../facts/facts.service';

type Fold<D extends EventDef> = (batch: ReadonlyArray<PayloadOf<D>>) => Promise<void>;

/**
 * Consumes the four conversation events and has the facts service fold them (reports, percentiles,
 * staffing). One durable per event, so one fold's failure never holds the others back.
 */
@Injectable()
export class FactConsumers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(FactConsumers.name);
  private readonly consumers: Array<{ stop(): Promise<void> }> = [];
  private readonly folded: Counter<'event'>;
  private readonly batchSeconds: Histogram<'event'>;
  private readonly firstResponse: Histogram<'queue'>;
  private started = false;

  constructor(
    private readonly client: NatsClient,
    private readonly facts: FactsService,
    private readonly readiness: ReadinessRegistry,
    registry: Registry,
  ) {
    this.folded = new Counter({
      name: 'roost_metrics_facts_folded_total',
      help: 'Events folded into conversation facts (redeliveries included)',
      labelNames: ['event'],
      registers: [registry],
    });
    this.batchSeconds = new Histogram({
      name: 'roost_metrics_fact_batch_seconds',
      help: 'Time to fold one batch of events into conversation facts',
      labelNames: ['event'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    this.firstResponse = new Histogram({
      name: 'roost_first_response_seconds',
      help: 'First response time, observed when the first reply of a conversation is sent',
      labelNames: ['queue'],
      buckets: [60, 300, 900, 1800, 3600, 7200, 14400, 86400],
      registers: [registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start(Events.ConversationRouted, 'facts-routed', (b) => this.facts.foldRouted(b));
    await this.start(Events.MessageSent, 'facts-sent', (b) => this.facts.foldSent(b));
    await this.start(Events.ConversationAssigned, 'facts-assigned', (b) => this.facts.foldAssigned(b));
    await this.start(Events.ConversationStatusChanged, 'facts-status', (b) => this.facts.foldStatus(b));
    this.started = true;
    this.readiness.register('fact-consumers', () => this.started);
  }

  private async start<D extends EventDef>(event: D, purpose: string, fold: Fold<D>): Promise<void> {
    const consumer = new BatchConsumer({
      client: this.client,
      event,
      durable: this.client.topology.durable('metrics', purpose),
      log: fromNestLogger(this.log),
      handle: async (batch: ReadonlyArray<Delivery<PayloadOf<D>>>) => {
        const end = this.batchSeconds.startTimer({ event: event.name });
        await fold(batch.map((d) => d.payload));
        end();
        this.folded.inc({ event: event.name }, batch.length);
        if (event.name === Events.MessageSent.name) this.observeFirstResponses(batch as ReadonlyArray<Delivery<MessageSentV1>>);

        return batch.map(() => DONE);
      },
    });
    this.consumers.push(consumer);
    await consumer.start();
  }

  /** Live figure for Prometheus; first deliveries only, so a redelivery is not counted twice. */
  private observeFirstResponses(batch: ReadonlyArray<Delivery<MessageSentV1>>): void {
    for (const { payload: p, deliveryCount } of batch) {
      if (!p.firstResponse || !p.queueId || deliveryCount !== 1) continue;
      this.firstResponse.observe({ queue: p.queueId }, (Date.parse(p.sentAt) - Date.parse(p.conversationOpenedAt)) / 1000);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    for (const c of this.consumers) await c.stop();
  }
}
