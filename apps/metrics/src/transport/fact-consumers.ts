import { Injectable } from '@nestjs/common';
import { Events, type EventDef, type MessageSentV1, type PayloadOf } from '@roost/contracts';
import { DONE, JetStreamConsumers, type Delivery } from '@roost/messaging';
import { Counter, Histogram, Registry } from 'prom-client';
import { FactsService } from '../facts/facts.service';

type Fold<D extends EventDef> = (batch: ReadonlyArray<PayloadOf<D>>) => Promise<void>;

/**
 * Consumes the four conversation events and has the facts service fold them (reports, percentiles,
 * staffing). One durable per event, so one fold's failure never holds the others back.
 */
@Injectable()
export class FactConsumers {
  private readonly folded: Counter<'event'>;
  private readonly batchSeconds: Histogram<'event'>;
  private readonly firstResponse: Histogram<'queue'>;

  constructor(
    private readonly consumers: JetStreamConsumers,
    facts: FactsService,
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
    this.consume(Events.ConversationRouted, 'facts-routed', (b) => facts.foldRouted(b));
    this.consume(Events.MessageSent, 'facts-sent', (b) => facts.foldSent(b));
    this.consume(Events.ConversationAssigned, 'facts-assigned', (b) => facts.foldAssigned(b));
    this.consume(Events.ConversationStatusChanged, 'facts-status', (b) => facts.foldStatus(b));
  }

  private consume<D extends EventDef>(event: D, purpose: string, fold: Fold<D>): void {
    this.consumers.consume({
      event,
      purpose,
      handle: async (batch: ReadonlyArray<Delivery<PayloadOf<D>>>) => {
        const end = this.batchSeconds.startTimer({ event: event.name });
        await fold(batch.map((d) => d.payload));
        end();
        this.folded.inc({ event: event.name }, batch.length);
        if (event.name === Events.MessageSent.name) {
          this.observeFirstResponses(batch as ReadonlyArray<Delivery<MessageSentV1>>);
        }

        return batch.map(() => DONE);
      },
    });
  }

  /** Live figure for Prometheus; first deliveries only, so a redelivery is not counted twice. */
  private observeFirstResponses(batch: ReadonlyArray<Delivery<MessageSentV1>>): void {
    for (const { payload: p, deliveryCount } of batch) {
      if (!p.firstResponse || !p.queueId || deliveryCount !== 1) continue;
      this.firstResponse.observe(
        { queue: p.queueId },
        (Date.parse(p.sentAt) - Date.parse(p.conversationOpenedAt)) / 1000,
      );
    }
  }
}
