import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the metrics service, on its Registry (its /metrics). Names, help
 * texts, labels and buckets are what dashboards and deploy/prometheus read: change them here only
 * with those.
 */
@Injectable()
export class MetricsAppMetrics {
  /** FactConsumers: events folded into conversation facts, by event. */
  readonly factsFolded: Counter<'event'>;
  /** FactConsumers: one batch folded, by event. */
  readonly factBatchSeconds: Histogram<'event'>;
  /** FactConsumers: first response times, from message.sent (first deliveries only). */
  readonly firstResponseSeconds: Histogram<'queue'>;
  /** WaitPublisher: the expected wait per queue at the last computation. */
  readonly expectedWaitSeconds: Gauge<'queue'>;

  constructor(registry: Registry) {
    this.factsFolded = new Counter({
      name: 'roost_metrics_facts_folded_total',
      help: 'Events folded into conversation facts (redeliveries included)',
      labelNames: ['event'],
      registers: [registry],
    });
    this.factBatchSeconds = new Histogram({
      name: 'roost_metrics_fact_batch_seconds',
      help: 'Time to fold one batch of events into conversation facts',
      labelNames: ['event'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    this.firstResponseSeconds = new Histogram({
      name: 'roost_first_response_seconds',
      help: 'First response time, observed when the first reply of a conversation is sent',
      labelNames: ['queue'],
      buckets: [60, 300, 900, 1800, 3600, 7200, 14400, 86400],
      registers: [registry],
    });
    this.expectedWaitSeconds = new Gauge({
      name: 'roost_queue_expected_wait_seconds',
      help: 'Expected wait of a new arrival per queue (last computation)',
      labelNames: ['queue'],
      registers: [registry],
    });
  }
}
