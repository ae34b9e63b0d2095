import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of routing, on the service's Registry (its /metrics). Names, help texts,
 * labels and buckets are what dashboards and deploy/prometheus read: change them here only with those.
 */
@Injectable()
export class RoutingMetrics {
  /** RoutingService: mentions routed, by the status they were routed to. */
  readonly decisions: Counter<'status'>;
  /** RoutingService: one batch routed, persisted and published. */
  readonly batchSeconds: Histogram;
  /** RoutingSweepService: SLA warnings and breaches raised by the sweep. */
  readonly slaAlerts: Counter<'kind' | 'queue'>;

  constructor(registry: Registry) {
    this.decisions = new Counter({
      name: 'roost_routing_decisions_total',
      help: 'Mentions routed, by resulting status',
      labelNames: ['status'],
      registers: [registry],
    });
    this.batchSeconds = new Histogram({
      name: 'roost_routing_batch_seconds',
      help: 'Time to route, persist and publish one batch',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
    this.slaAlerts = new Counter({
      name: 'roost_routing_sla_alerts_total',
      help: 'SLA warnings and breaches',
      labelNames: ['kind', 'queue'],
      registers: [registry],
    });
  }
}
