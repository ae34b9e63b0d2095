import { Counter, Registry } from 'prom-client';

/** Why a message went to the dead-letter stream (a metric label, few values). */
export type DeadLetterCause = 'invalid_payload' | 'poison' | 'retries_exhausted';

/**
 * The bus's own counters, on the service's Registry (its /metrics). Labels name the stream, the
 * event and the durable, never the brand or the subject's ids: one series per consumer and cause.
 */
export class MessagingMetrics {
  readonly deadLetters: Counter<'stream' | 'event' | 'durable' | 'cause'>;
  readonly isolations: Counter<'event' | 'durable'>;

  /** Without a registry (tools, tests) the counters still count, on a registry of their own. */
  constructor(registry: Registry = new Registry()) {
    this.deadLetters = new Counter({
      name: 'roost_messaging_dead_letters_total',
      help: 'Messages moved to the dead-letter stream, by stream, event, consumer and cause',
      labelNames: ['stream', 'event', 'durable', 'cause'],
      registers: [registry],
    });
    this.isolations = new Counter({
      name: 'roost_messaging_batch_isolations_total',
      help: 'Batches whose handler failed for a reason other than a transient one and were split to find the message at fault',
      labelNames: ['event', 'durable'],
      registers: [registry],
    });
  }
}
