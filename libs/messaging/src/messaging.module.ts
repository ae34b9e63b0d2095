import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { Logger } from 'nestjs-pino';
import { EventBus } from './event-bus';
import { LiveChannel } from './live';
import { NatsClient } from './nats-client';
import { RpcClient, RpcServer } from './rpc';
import { provisionStreams } from './streams';

export const MESSAGING_SERVICE = 'MESSAGING_SERVICE';

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
          inject: [ROOST_ENV, Logger, ReadinessRegistry],
          useFactory: async (env: RoostEnv, log: Logger, readiness: ReadinessRegistry) => {
            const client = await NatsClient.connect({
              servers: env.natsServers,
              name: `${opts.service}-${process.pid}`,
              namespace: env.natsNamespace,
              log: { info: (o, m) => log.log(o, m), warn: (o, m) => log.warn(o, m), error: (o, m) => log.error(o, m) },
            });
            await provisionStreams(client.jsm, client.topology);
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
          inject: [NatsClient, Logger],
          useFactory: (c: NatsClient, log: Logger) =>
            new RpcServer(c, opts.service, {
              info: (o, m) => log.log(o, m),
              warn: (o, m) => log.warn(o, m),
              error: (o, m) => log.error(o, m),
            }),
        },
        NatsLifecycle,
      ],
      exports: [NatsClient, EventBus, LiveChannel, RpcClient, RpcServer, MESSAGING_SERVICE],
    };
  }
}

