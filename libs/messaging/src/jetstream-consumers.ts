import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { EventDef } from '@roost/contracts';
import { ReadinessRegistry } from '@roost/observability';
import { BatchConsumer, type BatchConsumerOptions } from './batch-consumer';
import { fromNestLogger } from './logger';
import { MESSAGING_SERVICE } from './messaging-service';
import { NatsClient } from './nats-client';

/** What a consumer class declares; the rest (client, durable name, logger, lifecycle) is here. */
export type ConsumerSpec<D extends EventDef> = Omit<BatchConsumerOptions<D>, 'client' | 'durable' | 'log'> & {
  /** The durable's purpose: `<service>-<purpose>` is shared by every instance of the service. */
  purpose: string;
};

interface Registered {
  readonly name: string;
  readonly consumer: { start(): Promise<void>; stop(): Promise<void> };
  started: boolean;
}

/**
 * Every JetStream consumer of a service, with one lifecycle. A consumer class (transport/) declares
 * its consumers in its constructor with `consume()`; they start at application bootstrap, when
 * every module has initialised (state loaded, repositories ready), in declaration order; the
 * service is ready (`/health/ready`, check `consumers`) only when all have started; they stop
 * before NATS drains (onModuleDestroy runs before the connection's onApplicationShutdown), so no
 * batch is cut after the connection closes. Settlement, batching, in-progress acks and dead
 * letters are BatchConsumer's.
 */
@Injectable()
export class JetStreamConsumers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registered: Registered[] = [];
  private bootstrapped = false;

  constructor(
    private readonly client: NatsClient,
    @Inject(MESSAGING_SERVICE) private readonly service: string,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('consumers', () => this.registered.every((r) => r.started));
  }

  /** Declares a durable consumer of `event`, started with the application: call it from a constructor. */
  consume<D extends EventDef>(spec: ConsumerSpec<D>): void {
    const { purpose, ...rest } = spec;
    if (this.bootstrapped) {
      throw new Error(
        `consumer ${purpose} declared after the application started: declare it in a constructor`,
      );
    }
    const durable = this.client.topology.durable(this.service, purpose);
    if (this.registered.some((r) => r.name === durable)) {
      throw new Error(`consumer ${durable} declared twice`);
    }
    const consumer = new BatchConsumer<D>({
      ...rest,
      client: this.client,
      durable,
      log: fromNestLogger(new Logger(`consumer:${purpose}`)),
    });
    const entry: Registered = { name: durable, consumer, started: false };
    this.registered.push(entry);
  }

  /** The durable names declared so far, in order. */
  get names(): string[] {
    return this.registered.map((r) => r.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.bootstrapped = true;
    for (const entry of this.registered) {
      await entry.consumer.start();
      entry.started = true;
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const entry of this.registered) entry.started = false;
    await Promise.all(this.registered.map((r) => r.consumer.stop()));
  }
}
