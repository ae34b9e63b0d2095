import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { LiveEvents, type QueueUpdatedV1 } from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { Counter, Gauge, Registry } from 'prom-client';
import { SUBSCRIBER_BUFFER } from '../common/limits/limits.constants';
import { PushIterator } from './push-iterator';

type Listener = (event: QueueUpdatedV1) => void;

interface BrandChannel {
  readonly sub: Subscription;
  readonly listeners: Set<Listener>;
}

/**
 * PubSubEngine-style bridge from NATS live events to GraphQL subscriptions, injected (never a
 * module-level `new PubSub()`, which only works in one process). One core NATS subscription per
 * brand (`<ns>.live.queue.<brand>.*`), opened by that brand's first subscriber and closed after its
 * last, shared by every socket of the brand: each event is decoded once and the same object is
 * handed to every listener (which lets SharedSubscriptionExecutor execute once per group).
 */
@Injectable()
export class QueueUpdatesPubSub implements OnModuleDestroy {
  private readonly log = new Logger(QueueUpdatesPubSub.name);
  private readonly brands = new Map<string, BrandChannel>();
  private readonly dropped: Counter;

  constructor(
    private readonly live: LiveChannel,
    registry: Registry,
  ) {
    const brands = this.brands;
    new Gauge({
      name: 'gateway_live_brand_subscriptions',
      help: 'Core NATS subscriptions open for live queue updates (one per brand with subscribers)',
      registers: [registry],
      collect() {
        this.set(brands.size);
      },
    });
    this.dropped = new Counter({
      name: 'gateway_live_events_dropped_total',
      help: 'Live events dropped because a subscriber fell too far behind',
      registers: [registry],
    });
  }

  /** Listen to one brand's queue updates; returns the unsubscribe function (idempotent). */
  subscribe(brandId: string, listener: Listener): () => void {
    const channel = this.brands.get(brandId) ?? this.open(brandId);
    channel.listeners.add(listener);
    let active = true;

    return () => {
      if (!active) return;
      active = false;
      channel.listeners.delete(listener);
      if (channel.listeners.size === 0 && this.brands.get(brandId) === channel) {
        this.brands.delete(brandId);
        channel.sub.unsubscribe();
      }
    };
  }

  /** The events of one brand that `accept` lets through, as an async iterator for a subscription. */
  asyncIterableIterator(
    brandId: string,
    accept: (event: QueueUpdatedV1) => boolean,
  ): AsyncIterableIterator<QueueUpdatedV1> {
    let unsubscribe = (): void => {};
    const iterator = new PushIterator<QueueUpdatedV1>({
      highWaterMark: SUBSCRIBER_BUFFER,
      onReturn: () => unsubscribe(),
      onDrop: () => this.dropped.inc(),
    });
    unsubscribe = this.subscribe(brandId, (event) => {
      if (accept(event)) iterator.push(event);
    });

    return iterator;
  }

  /** Open brand subscriptions (tests and metrics). */
  get brandCount(): number {
    return this.brands.size;
  }

  /** Subscribers of one brand (tests wait on it before publishing). */
  listeners(brandId: string): number {
    return this.brands.get(brandId)?.listeners.size ?? 0;
  }

  onModuleDestroy(): void {
    for (const channel of this.brands.values()) channel.sub.unsubscribe();
    this.brands.clear();
  }

  private open(brandId: string): BrandChannel {
    const listeners = new Set<Listener>();
    const sub = this.live.subscribe(
      LiveEvents.QueueUpdated,
      { brandId },
      (event) => {
        // The subject names the brand; a payload that disagrees is a publisher bug, never delivered.
        if (event.brandId !== brandId) {
          this.log.warn(
            { brandId, payloadBrandId: event.brandId },
            'queue update with mismatched brand dropped',
          );

          return;
        }
        for (const listener of listeners) listener(event);
      },
      (err) =>
        this.log.warn(
          { brandId, err: err instanceof Error ? err.message : String(err) },
          'invalid queue update dropped',
        ),
    );
    const channel = { sub, listeners };
    this.brands.set(brandId, channel);

    return channel;
  }
}
