import type { Logger } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import type { Codec } from '@roost/contracts';
import type { LiveChannel } from '@roost/messaging';
import type { Static, TSchema } from '@sinclair/typebox';
import type { GatewayMetrics } from '../common/gateway.metrics';
import { SUBSCRIBER_BUFFER } from '../common/limits/limits.constants';
import { PushIterator } from './push-iterator';

interface BrandChannel<T> {
  readonly sub: Subscription;
  readonly listeners: Set<(event: T) => void>;
}

export interface LiveDef<S extends TSchema> {
  readonly name: string;
  readonly codec: Codec<S>;
}

/**
 * PubSubEngine-style bridge from one NATS live event (`<ns>.<def>.<brand>.*`) to GraphQL
 * subscriptions, injected (never a module-level `new PubSub()`, which only works in one process).
 * One core NATS subscription per brand, opened by that brand's first subscriber and closed after
 * its last, shared by every socket of the brand: each event is decoded once and the same object is
 * handed to every listener (which lets SharedSubscriptionExecutor execute once per group).
 * Subclasses only name the live event (queue updates, wait times, presence).
 */
export abstract class BrandLivePubSub<
  S extends TSchema,
  T extends Static<S> & { brandId: string } = Static<S> & { brandId: string },
> {
  private readonly brands = new Map<string, BrandChannel<T>>();

  protected constructor(
    private readonly opts: { def: LiveDef<S>; live: LiveChannel; metrics: GatewayMetrics; log: Logger },
  ) {}

  /** Listen to one brand's events; returns the unsubscribe function (idempotent). */
  subscribe(brandId: string, listener: (event: T) => void): () => void {
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
        this.opts.metrics.liveBrandSubscriptions.set({ channel: this.opts.def.name }, this.brands.size);
      }
    };
  }

  /** The events of one brand that `accept` lets through, as an async iterator for a subscription. */
  asyncIterableIterator(brandId: string, accept: (event: T) => boolean): AsyncIterableIterator<T> {
    let unsubscribe = (): void => {};
    const iterator = new PushIterator<T>({
      highWaterMark: SUBSCRIBER_BUFFER,
      onReturn: () => unsubscribe(),
      onDrop: () => this.opts.metrics.liveEventsDropped.inc({ channel: this.opts.def.name }),
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

  private open(brandId: string): BrandChannel<T> {
    const listeners = new Set<(event: T) => void>();
    const { def, live, log } = this.opts;
    const sub = live.subscribe(
      def,
      { brandId },
      (payload) => {
        const event = payload as T;
        // The subject names the brand; a payload that disagrees is a publisher bug, never delivered.
        if (event.brandId !== brandId) {
          log.warn(
            { brandId, payloadBrandId: event.brandId, channel: def.name },
            'live event with mismatched brand dropped',
          );

          return;
        }
        for (const listener of listeners) listener(event);
      },
      (err) =>
        log.warn(
          { brandId, channel: def.name, err: err instanceof Error ? err.message : String(err) },
          'invalid live event dropped',
        ),
    );
    const channel = { sub, listeners };
    this.brands.set(brandId, channel);
    this.opts.metrics.liveBrandSubscriptions.set({ channel: def.name }, this.brands.size);

    return channel;
  }
}
