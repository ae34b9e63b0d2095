import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the gateway, on the service's Registry (its /metrics). Names, help
 * texts and labels are what dashboards and deploy/prometheus read: change them here only with those.
 */
@Injectable()
export class GatewayMetrics {
  /** GraphqlWsServer: authenticated graphql-ws sockets open on this instance. */
  readonly wsSockets: Gauge;
  /** The live bridges (BrandLivePubSub): core NATS subscriptions open, one per brand with subscribers, per channel. */
  readonly liveBrandSubscriptions: Gauge<'channel'>;
  /** The live bridges (BrandLivePubSub): events dropped for a subscriber too far behind, per channel. */
  readonly liveEventsDropped: Counter<'channel'>;
  /** SlaAlertsPubSub: ordered JetStream consumers open, one per brand with subscribers. */
  readonly slaAlertConsumers: Gauge;
  /** SlaAlertsPubSub: SLA alerts dropped for a subscriber too far behind. */
  readonly slaAlertsDropped: Counter;

  constructor(registry: Registry) {
    this.wsSockets = new Gauge({
      name: 'gateway_ws_sockets',
      help: 'Authenticated graphql-ws sockets',
      registers: [registry],
    });
    this.liveBrandSubscriptions = new Gauge({
      name: 'gateway_live_brand_subscriptions',
      help: 'Core NATS subscriptions open for live events (one per brand with subscribers, per channel)',
      labelNames: ['channel'],
      registers: [registry],
    });
    this.liveEventsDropped = new Counter({
      name: 'gateway_live_events_dropped_total',
      help: 'Live events dropped because a subscriber fell too far behind',
      labelNames: ['channel'],
      registers: [registry],
    });
    this.slaAlertConsumers = new Gauge({
      name: 'gateway_sla_alert_consumers',
      help: 'Ordered JetStream consumers open for SLA alerts (one per brand with subscribers)',
      registers: [registry],
    });
    this.slaAlertsDropped = new Counter({
      name: 'gateway_sla_alerts_dropped_total',
      help: 'SLA alerts dropped because a subscriber fell too far behind',
      registers: [registry],
    });
  }
}
