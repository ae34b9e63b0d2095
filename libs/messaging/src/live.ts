import type { Subscription } from '@nats-io/nats-core';
import type { Codec } from '@roost/contracts';
import type { TSchema, Static } from '@sinclair/typebox';
import type { NatsClient } from './nats-client';

interface LiveDef<S extends TSchema> {
  name: string;
  codec: Codec<S>;
}

/**
 * Live notifications on core NATS (at most once, no storage): what consoles see move. The state
 * they describe is always queryable, so a missed notification costs a refresh, never data.
 */
export class LiveChannel {
  constructor(private readonly client: NatsClient) {}

  publish<S extends TSchema>(def: LiveDef<S>, brandId: string, id: string, payload: Static<S>): void {
    this.client.nc.publish(this.client.topology.liveSubject(def, brandId, id), JSON.stringify(payload));
  }

  subscribe<S extends TSchema>(
    def: LiveDef<S>,
    filter: { brandId?: string; id?: string },
    onEvent: (payload: Static<S>) => void,
    onInvalid?: (err: unknown) => void,
  ): Subscription {
    return this.client.nc.subscribe(this.client.topology.liveFilter(def, filter.brandId, filter.id), {
      callback: (err, msg) => {
        if (err) return;
        try {
          onEvent(def.codec.decode(msg.data));
        } catch (e) {
          onInvalid?.(e);
        }
      },
    });
  }
}
