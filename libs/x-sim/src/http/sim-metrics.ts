import { Counter, Gauge, Registry } from 'prom-client';

/** The sim's own Registry, so two sims in one test process never clash on metric names. */
export class SimMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'xsim_requests_total',
    help: 'Requests by endpoint (route key) and HTTP status',
    labelNames: ['endpoint', 'status'] as const,
    registers: [this.registry],
  });
  readonly tweetsInjected = new Counter({
    name: 'xsim_tweets_injected_total',
    help: 'Tweets created through /sim routes, the store or the traffic generator',
    registers: [this.registry],
  });
  readonly tweetsPosted = new Counter({
    name: 'xsim_tweets_posted_total',
    help: 'Tweets created through POST /2/tweets',
    registers: [this.registry],
  });
  readonly streamConnections = new Gauge({
    name: 'xsim_stream_connections',
    help: 'Open filtered-stream connections',
    registers: [this.registry],
  });
  readonly faultsServed = new Counter({
    name: 'xsim_faults_served_total',
    help: 'Injected faults served, by endpoint and status',
    labelNames: ['endpoint', 'status'] as const,
    registers: [this.registry],
  });
}
