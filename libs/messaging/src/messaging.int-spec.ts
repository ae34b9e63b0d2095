import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ErrorCode,
  Events,
  Rpc,
  StreamKey,
  Topology,
  type MentionReceivedV1,
} from '@roost/contracts';
import { cleanupNamespace, eventually, makeMentionReceived, testEnv } from '@roost/testing';
import { BatchConsumer, type Delivery } from './batch-consumer';
import { EventBus } from './event-bus';
import { silentLogger } from './logger';
import { NatsClient } from './nats-client';
import { RpcClient, RpcServer } from './rpc';
import { DONE, type Outcome } from './settlement';
import { provisionStreams } from './streams';

const mention = makeMentionReceived;

describe('messaging on real NATS JetStream', () => {
  const env = testEnv();
  let client: NatsClient;
  let bus: EventBus;
  const consumers: Array<BatchConsumer<typeof Events.MentionReceived>> = [];

  beforeAll(async () => {
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'messaging-int',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    await provisionStreams(client.jsm, client.topology);
    await provisionStreams(client.jsm, client.topology); // idempotent
    bus = new EventBus(client);
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await client.drain();
    await cleanupNamespace(env);
  });

  function consume(
    durable: string,
    brandId: string,
    handle: (batch: ReadonlyArray<Delivery<MentionReceivedV1>>) => Promise<Outcome[]>,
  ): BatchConsumer<typeof Events.MentionReceived> {
    const c = new BatchConsumer({
      client,
      event: Events.MentionReceived,
      durable,
      brandFilter: brandId,
      log: silentLogger,
      handle,
    });
    consumers.push(c);

    return c;
  }

  it('drops a republished message with the same id (JetStream de-duplication)', async () => {
    const brandId = randomUUID();
    const first = await bus.publish(Events.MentionReceived, mention(brandId, '100'), {
      brandId,
      msgId: `${brandId}:100`,
    });
    const again = await bus.publish(Events.MentionReceived, mention(brandId, '100'), {
      brandId,
      msgId: `${brandId}:100`,
    });
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
  });

  it('only adds stream subjects: a service with an older topology booting later keeps what a newer one added', async () => {
    const name = client.topology.streamName(StreamKey.Mentions);
    const info = await client.jsm.streams.info(name);
    const newer = `${client.topology.ns}.future_event.>`;
    await client.jsm.streams.update(name, {
      ...info.config,
      subjects: [...(info.config.subjects ?? []), newer],
    });
    await provisionStreams(client.jsm, client.topology); // this (older) topology does not know `future_event`
    const after = await client.jsm.streams.info(name);
    expect(after.config.subjects).toEqual(
      expect.arrayContaining([...client.topology.streams().find((x) => x.name === name)!.subjects, newer]),
    );
  });

  it('keeps events as long as configured (NATS_STREAM_MAX_AGE_HOURS), and applies a change at the next boot', async () => {
    const name = client.topology.streamName(StreamKey.Conversations);
    await provisionStreams(client.jsm, client.topology, { maxAgeMs: 24 * 3600_000 });
    expect((await client.jsm.streams.info(name)).config.max_age).toBe(24 * 3600 * 1e9);
    await provisionStreams(client.jsm, client.topology, { maxAgeMs: 7 * 24 * 3600_000 });
    expect((await client.jsm.streams.info(name)).config.max_age).toBe(7 * 24 * 3600 * 1e9);
  });

  it('says what NATS_STREAM_REPLICAS needs when the server cannot hold that many copies', async () => {
    // The test server is a single node: three replicas cannot be placed.
    const single = new Topology(`${env.natsNamespace}_r3`);
    try {
      await expect(provisionStreams(client.jsm, single, { replicas: 3 })).rejects.toThrow(
        /NATS_STREAM_REPLICAS=3 needs a JetStream cluster of at least 3 servers .*use 1 on a single server/,
      );
    } finally {
      for (const s of single.streams()) await client.jsm.streams.delete(s.name).catch(() => undefined);
    }
  });

  it('refuses to publish a payload that breaks its contract', async () => {
    const brandId = randomUUID();
    const bad = { ...mention(brandId, '1'), tweet: { id: 'not-a-number' } } as unknown as MentionReceivedV1;
    expect(() => bus.publish(Events.MentionReceived, bad, { brandId, msgId: 'x' })).toThrow(
      /mention.received.v1/,
    );
  });

  it('hands valid messages over in batches and dead-letters poison without stopping', async () => {
    const brandId = randomUUID();
    const seen: string[] = [];
    let batches = 0;
    await consume('batches', brandId, async (batch) => {
      batches++;
      seen.push(...batch.map((d) => d.payload.tweet.id));

      return batch.map(() => DONE);
    }).start();

    const items = Array.from({ length: 300 }, (_, i) => ({
      payload: mention(brandId, String(1000 + i)),
      opts: { brandId, msgId: `${brandId}:${1000 + i}` },
    }));
    await bus.publishAll(Events.MentionReceived, items.slice(0, 150));
    await client.js.publish(
      client.topology.eventSubject(Events.MentionReceived, brandId),
      '{"schema":1,"oops":true}',
    );
    await bus.publishAll(Events.MentionReceived, items.slice(150));

    await eventually(() => seen.length === 300, { what: '300 deliveries' });
    expect(new Set(seen).size).toBe(300);
    expect(batches).toBeLessThan(300);

    const dlq = await client.jsm.streams.info(client.topology.streamName('dlq'));
    expect(dlq.state.messages).toBeGreaterThanOrEqual(1);
    const stored = await client.jsm.streams.getMessage(client.topology.streamName('dlq'), {
      seq: dlq.state.first_seq,
    });
    expect(stored?.header.get('roost-dlq-reason')).toMatch(/invalid mention\.received\.v1/);
  });

  it('lets the next batch grow while the handler is busy (one batch of what arrived meanwhile, in order)', async () => {
    const brandId = randomUUID();
    const sizes: number[] = [];
    const order: string[] = [];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((r) => (release = r));
    await consume('adaptive', brandId, async (batch) => {
      sizes.push(batch.length);
      order.push(...batch.map((d) => d.payload.tweet.id));
      if (sizes.length === 1) await firstHeld;

      return batch.map(() => DONE);
    }).start();
    await bus.publish(Events.MentionReceived, mention(brandId, '1'), { brandId, msgId: `${brandId}:1` });
    await eventually(() => sizes.length === 1, { what: 'first batch in the handler' });
    // 300 more arrive in small bursts while the first batch is held.
    for (let burst = 0; burst < 30; burst++) {
      await bus.publishAll(
        Events.MentionReceived,
        Array.from({ length: 10 }, (_, i) => {
          const id = String(2 + burst * 10 + i);

          return { payload: mention(brandId, id), opts: { brandId, msgId: `${brandId}:${id}` } };
        }),
      );
    }
    await eventually(
      async () =>
        (
          await client.jsm.consumers.info(
            client.topology.streamName(Events.MentionReceived.stream),
            'adaptive',
          )
        ).num_ack_pending === 301,
      { what: 'all 301 delivered to the consumer' },
    );
    release();
    await eventually(() => order.length === 301, { what: 'all handled' });
    expect(sizes).toEqual([1, 300]);
    expect(order).toEqual(Array.from({ length: 301 }, (_, i) => String(1 + i)));
  });

  it('redelivers a batch whose handler failed, then settles it', async () => {
    const brandId = randomUUID();
    let attempts = 0;
    const done: string[] = [];
    await consume('retry', brandId, async (batch) => {
      attempts++;
      if (attempts === 1) throw new Error('database unavailable');
      done.push(...batch.map((d) => d.payload.tweet.id));

      return batch.map(() => DONE);
    }).start();
    await bus.publish(Events.MentionReceived, mention(brandId, '7'), { brandId, msgId: `${brandId}:7` });
    await eventually(() => done.includes('7'), { timeoutMs: 15_000, what: 'redelivery' });
    expect(attempts).toBeGreaterThanOrEqual(2);
  });

  it('answers request/reply with data or a typed error, and times out on a dead service', async () => {
    const server = new RpcServer(client, 'routing', silentLogger);
    const rpcClient = new RpcClient(client, 500);
    const brandId = randomUUID();
    server.serve(Rpc.GetQueues, async (req) => {
      if (req.ids?.length) throw DomainError.notFound('queue', req.ids[0] ?? '');

      return { queues: [] };
    });
    await server.ready();

    await expect(rpcClient.request(Rpc.GetQueues, { brandId })).resolves.toEqual({ queues: [] });
    await expect(rpcClient.request(Rpc.GetQueues, { brandId, ids: [randomUUID()] })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpcClient.request(Rpc.GetAgents, { brandId })).rejects.toMatchObject({
      code: ErrorCode.UpstreamUnavailable,
    });
  });
});
