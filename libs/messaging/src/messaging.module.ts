import {
  Global,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { Registry } from 'prom-client';
import { EventBus } from './event-bus';
import { JetStreamConsumers } from './jetstream-consumers';
import { MESSAGING_SERVICE } from './messaging-service';
import { fromNestLogger } from './logger';
import { LiveChannel } from './live';
import { NatsClient } from './nats-client';
import { RpcClient, RpcServer } from './rpc';
import { provisionStreams } from './streams';

export { MESSAGING_SERVICE } from './messaging-service';

@Injectable()
class NatsLifecycle implements OnApplicationShutdown {
  constructor(private readonly client: NatsClient) {}

  /** Runs after every module's onModuleDestroy (consumers stopped): flush and close. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.drain();
  }
}

/**
 * One NATS connection per process; streams provisioned idempotently at boot; typed bus,
 * request/reply client and server, live channel.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(opts: { service: string }): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_SERVICE, useValue: opts.service },
        {
          provide: NatsClient,
          inject: [ROOST_ENV, ReadinessRegistry, Registry],
          useFactory: async (env: RoostEnv, readiness: ReadinessRegistry, registry: Registry) => {
            const log = new Logger('Nats');
            const client = await NatsClient.connect({
              servers: env.natsServers,
              name: `${opts.service}-${process.pid}`,
              namespace: env.natsNamespace,
              log: fromNestLogger(log),
              auth: env.natsAuth,
              registry,
            });
            await provisionStreams(client.jsm, client.topology, {
              maxAgeMs: env.natsStreamMaxAgeHours * 3600_000,
              replicas: env.natsStreamReplicas,
            });
            readiness.register('nats', () => client.connected);

            return client;
          },
        },
        { provide: EventBus, inject: [NatsClient], useFactory: (c: NatsClient) => new EventBus(c) },
        { provide: LiveChannel, inject: [NatsClient], useFactory: (c: NatsClient) => new LiveChannel(c) },
        {
          provide: RpcClient,
          inject: [NatsClient, ROOST_ENV],
          useFactory: (c: NatsClient, env: RoostEnv) => new RpcClient(c, env.rpcTimeoutMs),
        },
        {
          provide: RpcServer,
          inject: [NatsClient],
          useFactory: (c: NatsClient, log = new Logger('RpcServer')) =>
            new RpcServer(c, opts.service, fromNestLogger(log)),
        },
        JetStreamConsumers,
        NatsLifecycle,
      ],
      exports: [
        NatsClient,
        EventBus,
        LiveChannel,
        RpcClient,
        RpcServer,
        JetStreamConsumers,
        MESSAGING_SERVICE,
      ],
    };
  }
}
