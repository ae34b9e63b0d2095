import { randomUUID } from 'node:crypto';
import { Events, Rpc, type MentionReceivedV1 } from '@roost/contracts';
import { currentCorrelationId, pinoHttpOptions, withCorrelation } from '@roost/observability';
import { cleanupNamespace, eventually, makeMentionReceived, testEnv } from '@roost/testing';
import { BatchConsumer, type Delivery } from './batch-consumer';
import { EventBus } from './event-bus';
import { silentLogger } from './logger';
import { NatsClient } from './nats-client';
import { RpcClient, RpcServer } from './rpc';
import { DONE } from './settlement';
import { provisionStreams } from './streams';

const mention = makeMentionReceived;

describe('correlation ids travel with the work (real NATS)', () => {
  const env = testEnv();
  let client: NatsClient;
  let consumer: BatchConsumer<typeof Events.MentionReceived> | undefined;
  let server: RpcServer;

  beforeAll(async () => {
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'correlation-int',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    await provisionStreams(client.jsm, client.topology);
    server = new RpcServer(client, 'correlation-test', silentLogger);
  });

  afterAll(async () => {
    await consumer?.stop();
    await server.close();
    await client.drain();
    await cleanupNamespace(env);
  });

  it('an event published inside a context carries its id; its handler and the requests it makes run under it; logs show it', async () => {
    const brandId = randomUUID();
    const bus = new EventBus(client);
    const rpc = new RpcClient(client, 2000);
    const seenByServer: Array<string | undefined> = [];
    server.serve(Rpc.GetQueues, async () => {
      seenByServer.push(currentCorrelationId());

      return { queues: [] };
    });
    await server.ready();
    const handled: Array<{ delivered: string | undefined; bound: string | undefined; logged: unknown }> = [];
    consumer = new BatchConsumer({
      client,
      event: Events.MentionReceived,
      durable: 'correlation-test',
      brandFilter: brandId,
      maxBatch: 1,
      log: silentLogger,
      handle: async (batch: ReadonlyArray<Delivery<MentionReceivedV1>>) => {
        for (const d of batch) {
          handled.push({
            delivered: d.correlationId,
            bound: currentCorrelationId(),
            logged: (pinoHttpOptions({ service: 's', logLevel: 'info' }).mixin as () => unknown)(),
          });
          await rpc.request(Rpc.GetQueues, { brandId });
        }

        return batch.map(() => DONE);
      },
    });
    await consumer.start();

    // Ingest names it explicitly; anything published inside a context inherits it.
    await bus.publish(Events.MentionReceived, mention(brandId, '1'), {
      brandId,
      msgId: `${brandId}:1`,
      correlationId: `${brandId}:1`,
    });
    await withCorrelation('req-42', () =>
      bus.publish(Events.MentionReceived, mention(brandId, '2'), { brandId, msgId: `${brandId}:2` }),
    );
    await bus.publish(Events.MentionReceived, mention(brandId, '3'), { brandId, msgId: `${brandId}:3` });

    await eventually(() => seenByServer.length === 3, {
      what: 'three handled mentions, each making a request',
    });
    expect(handled).toEqual([
      { delivered: `${brandId}:1`, bound: `${brandId}:1`, logged: { correlationId: `${brandId}:1` } },
      { delivered: 'req-42', bound: 'req-42', logged: { correlationId: 'req-42' } },
      { delivered: undefined, bound: undefined, logged: {} },
    ]);
    expect(seenByServer).toEqual([`${brandId}:1`, 'req-42', undefined]);
  });

  it('a batch binds all its ids for the logs, and none as the one id to forward', () => {
    const logged = withCorrelation(['a', 'b', undefined, 'a'], () => ({
      one: currentCorrelationId(),
      mixin: (pinoHttpOptions({ service: 's', logLevel: 'info' }).mixin as () => unknown)(),
    }));
    expect(logged).toEqual({ one: undefined, mixin: { correlationIds: ['a', 'b'] } });
  });
});
