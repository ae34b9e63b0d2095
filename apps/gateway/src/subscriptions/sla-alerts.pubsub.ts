import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { Events, type ConversationSlaAlertV1 } from '@roost/contracts';
import { NatsClient } from '@roost/messaging';
import { GatewayMetrics } from '../common/gateway.metrics';
import { SUBSCRIBER_BUFFER } from '../common/limits/limits.constants';
import { PushIterator } from './push-iterator';

interface BrandFeed {
  readonly listeners: Set<(event: ConversationSlaAlertV1) => void>;
  /** Resolves once the brand's consumer exists (tests wait on it before publishing). */
  readonly ready: Promise<void>;
  stop(): void;
}

const RETRY_MS = 2_000;

/**
 * `conversation.sla_alert` (routing, durable, CONVERSATIONS stream) → `slaAlerts` subscriptions.
 *
 * Unlike queue updates and wait times, which are snapshots (the next one supersedes a lost one),
 * an SLA alert is raised once per conversation and kind and never repeated: a core-NATS copy lost
 * in a reconnect would be lost for good. So the gateway reads the durable event itself, with one
 * ephemeral ordered consumer per brand with subscribers in this instance (filtered to that brand's
 * subject, starting at the moment the first subscriber arrived, in memory, removed by the server
 * when idle). The ordered consumer resumes from its last sequence after a reconnect, and routing
 * publishes nothing extra. Shape and lifetime otherwise match BrandLivePubSub: opened by a brand's
 * first subscriber, closed after its last, each event decoded once and shared by every listener.
 */
@Injectable()
export class SlaAlertsPubSub implements OnModuleDestroy {
  private readonly log = new Logger(SlaAlertsPubSub.name);
  private readonly brands = new Map<string, BrandFeed>();

  constructor(
    private readonly client: NatsClient,
    private readonly metrics: GatewayMetrics,
  ) {}

  subscribe(brandId: string, listener: (event: ConversationSlaAlertV1) => void): () => void {
    const feed = this.brands.get(brandId) ?? this.open(brandId);
    feed.listeners.add(listener);
    let active = true;

    return () => {
      if (!active) return;
      active = false;
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0 && this.brands.get(brandId) === feed) {
        this.brands.delete(brandId);
        feed.stop();
        this.metrics.slaAlertConsumers.set(this.brands.size);
      }
    };
  }

  asyncIterableIterator(
    brandId: string,
    accept: (event: ConversationSlaAlertV1) => boolean,
  ): AsyncIterableIterator<ConversationSlaAlertV1> {
    let unsubscribe = (): void => {};
    const iterator = new PushIterator<ConversationSlaAlertV1>({
      highWaterMark: SUBSCRIBER_BUFFER,
      onReturn: () => unsubscribe(),
      onDrop: () => this.metrics.slaAlertsDropped.inc(),
    });
    unsubscribe = this.subscribe(brandId, (event) => {
      if (accept(event)) iterator.push(event);
    });

    return iterator;
  }

  listeners(brandId: string): number {
    return this.brands.get(brandId)?.listeners.size ?? 0;
  }

  /** Resolves when the brand's consumer is reading (immediately if nobody of the brand listens). */
  ready(brandId: string): Promise<void> {
    return this.brands.get(brandId)?.ready ?? Promise.resolve();
  }

  onModuleDestroy(): void {
    for (const feed of this.brands.values()) feed.stop();
    this.brands.clear();
  }

  private open(brandId: string): BrandFeed {
    const listeners = new Set<(event: ConversationSlaAlertV1) => void>();
    const { topology, js } = this.client;
    const def = Events.ConversationSlaAlert;
    const startAt = new Date().toISOString();
    let stopped = false;
    let messages: ConsumerMessages | undefined;
    const start = async (): Promise<void> => {
      for (;;) {
        try {
          const consumer = await js.consumers.get(topology.streamName(def.stream), {
            filter_subjects: topology.eventFilter(def, brandId),
            opt_start_time: startAt,
          });
          if (stopped) return;
          messages = await consumer.consume();

          return;
        } catch (err) {
          this.log.warn({ brandId, err: (err as Error).message }, 'SLA alert consumer not ready, retrying');
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          if (stopped) return;
        }
      }
    };
    const ready = start().then(() => {
      const feed = messages;
      if (!feed) return;
      void (async () => {
        for await (const m of feed) this.deliver(brandId, m.data, listeners);
      })();
    });
    const brandFeed: BrandFeed = {
      listeners,
      ready,
      stop: () => {
        stopped = true;
        void messages?.close();
      },
    };
    this.brands.set(brandId, brandFeed);
    this.metrics.slaAlertConsumers.set(this.brands.size);

    return brandFeed;
  }

  private deliver(
    brandId: string,
    data: Uint8Array,
    listeners: ReadonlySet<(event: ConversationSlaAlertV1) => void>,
  ): void {
    let event: ConversationSlaAlertV1;
    try {
      event = Events.ConversationSlaAlert.codec.decode(data);
    } catch (err) {
      this.log.warn({ brandId, err: (err as Error).message }, 'invalid SLA alert dropped');

      return;
    }
    // The subject names the brand; a payload that disagrees is a publisher bug, never delivered.
    if (event.brandId !== brandId) {
      this.log.warn({ brandId, payloadBrandId: event.brandId }, 'SLA alert with mismatched brand dropped');

      return;
    }
    for (const listener of listeners) listener(event);
  }
}
