import { Injectable } from '@nestjs/common';
import { Events, type EventDef, type MessageSentV1, type PayloadOf } from '@roost/contracts';
import { DONE, JetStreamConsumers, type Delivery } from '@roost/messaging';
import { MetricsAppMetrics } from '../common/metrics.metrics';
import { FactsService } from '../facts/facts.service';

type Fold<D extends EventDef> = (batch: ReadonlyArray<PayloadOf<D>>) => Promise<void>;

/**
 * Consumes the four conversation events and has the facts service fold them (reports, percentiles,
 * staffing). One durable per event, so one fold's failure never holds the others back.
 */
@Injectable()
export class FactConsumers {
  constructor(
    private readonly consumers: JetStreamConsumers,
    facts: FactsService,
    private readonly metrics: MetricsAppMetrics,
  ) {
    this.consume(Events.ConversationRouted, 'facts-routed', (b) => facts.foldRouted(b));
    this.consume(Events.MessageSent, 'facts-sent', (b) => facts.foldSent(b));
    this.consume(Events.ConversationAssigned, 'facts-assigned', (b) => facts.foldAssigned(b));
    this.consume(Events.ConversationStatusChanged, 'facts-status', (b) => facts.foldStatus(b));
    this.consume(Events.ConversationSplit, 'facts-split', (b) => facts.foldSplit(b));
  }

  private consume<D extends EventDef>(event: D, purpose: string, fold: Fold<D>): void {
    this.consumers.consume({
      event,
      purpose,
      handle: async (batch: ReadonlyArray<Delivery<PayloadOf<D>>>) => {
        const end = this.metrics.factBatchSeconds.startTimer({ event: event.name });
        await fold(batch.map((d) => d.payload));
        end();
        this.metrics.factsFolded.inc({ event: event.name }, batch.length);
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
      this.metrics.firstResponseSeconds.observe(
        { queue: p.queueId },
        (Date.parse(p.sentAt) - Date.parse(p.conversationOpenedAt)) / 1000,
      );
    }
  }
}
