import { randomUUID } from 'node:crypto';
import { Events, type MentionReceivedV1 } from '@roost/contracts';
import { cleanupNamespace, eventually, makeMentionReceived, testEnv } from '@roost/testing';
import { Client } from 'pg';
import { Registry, type Counter } from 'prom-client';
import { BatchConsumer, type Delivery } from './batch-consumer';
import { EventBus } from './event-bus';
import type { MessagingLogger } from './logger';
import { NatsClient } from './nats-client';
import { DONE, type Outcome } from './settlement';
import { provisionStreams } from './streams';

const mention = makeMentionReceived;

/**
 * A message that fails deterministically must not take its batch with it (RELIABILITY.md): the
 * consumer splits the batch, stores the rest once, and dead-letters only the bad message; transient
 * failures still retry the whole batch; long batches keep their messages in progress.
 */
describe('BatchConsumer isolates the message at fault (real NATS + PostgreSQL)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}isolation`;
  const registry = new Registry();
  const errors: Array<{ obj: object; msg: string }> = [];
  const log: MessagingLogger = {
    info: () => {},
    warn: () => {},
    error: (obj, msg) => errors.push({ obj, msg }),
  };
  const consumers: Array<BatchConsumer<typeof Events.MentionReceived>> = [];
  let client: NatsClient;
  let bus: EventBus;
  let pg: Client;

  beforeAll(async () => {
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'isolation-int',
      namespace: env.natsNamespace,
      log,
      registry,
    });
    await provisionStreams(client.jsm, client.topology);
    bus = new EventBus(client);
    pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
    await pg.query(`CREATE SCHEMA "${schema}"`);
    await pg.query(
      `CREATE TABLE "${schema}".mentions (brand_id uuid NOT NULL, tweet_id text NOT NULL, text text NOT NULL, PRIMARY KEY (brand_id, tweet_id))`,
    );
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await client.drain();
    await pg.end();
    await cleanupNamespace(env);
  });

  function consume(
    brandId: string,
    handle: (batch: ReadonlyArray<Delivery<MentionReceivedV1>>) => Promise<Outcome[]>,
    opts: { maxDeliver?: number; ackWaitMs?: number } = {},
  ): BatchConsumer<typeof Events.MentionReceived> {
    const c = new BatchConsumer({
      client,
      event: Events.MentionReceived,
      durable: `d-${brandId.slice(0, 8)}`,
      brandFilter: brandId,
      log,
      handle,
      ...opts,
    });
    consumers.push(c);

    return c;
  }

  /** The handler stores a batch in one multi-row statement, idempotent by its key, as the services do. */
  async function store(batch: ReadonlyArray<Delivery<MentionReceivedV1>>): Promise<Outcome[]> {
    await pg.query(
      `INSERT INTO "${schema}".mentions (brand_id, tweet_id, text)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [
        batch.map((d) => d.payload.brandId),
        batch.map((d) => d.payload.tweet.id),
        batch.map((d) => d.payload.tweet.text),
      ],
    );

    return batch.map(() => DONE);
  }

  async function stored(brandId: string): Promise<string[]> {
    const { rows } = await pg.query<{ tweet_id: string }>(
      `SELECT tweet_id FROM "${schema}".mentions WHERE brand_id = $1`,
      [brandId],
    );

    return rows.map((r) => r.tweet_id);
  }

  async function deadLetters(
    brandId: string,
  ): Promise<Array<{ tweetId: string; cause: string; reason: string }>> {
    const stream = client.topology.streamName('dlq');
    const filter = client.topology.deadLetterSubject(
      client.topology.eventSubject(Events.MentionReceived, brandId),
    );
    const out: Array<{ tweetId: string; cause: string; reason: string }> = [];
    for (let seq = 1; ;) {
      const m = await client.jsm.streams
        .getMessage(stream, { seq, next_by_subj: filter } as unknown as { seq: number })
        .catch(() => null);
      if (!m) return out;
      const payload = Events.MentionReceived.codec.decode(m.data);
      out.push({
        tweetId: payload.tweet.id,
        cause: m.header.get('roost-dlq-cause'),
        reason: m.header.get('roost-dlq-reason'),
      });
      seq = m.seq + 1;
    }
  }

  const consumerInfo = (brandId: string) =>
    client.jsm.consumers.info(
      client.topology.streamName(Events.MentionReceived.stream),
      `d-${brandId.slice(0, 8)}`,
    );
  const deliveries = async (brandId: string) => (await consumerInfo(brandId)).delivered.consumer_seq;
  const pending = async (brandId: string) => {
    const info = await consumerInfo(brandId);

    return info.num_ack_pending + info.num_pending;
  };

  function publish(
    brandId: string,
    ids: string[],
    text: (id: string) => string | undefined = () => undefined,
  ) {
    return bus.publishAll(
      Events.MentionReceived,
      ids.map((id) => ({
        payload: mention(brandId, id, text(id)),
        opts: { brandId, msgId: `${brandId}:${id}` },
      })),
    );
  }

  const deadLettered = () =>
    (registry.getSingleMetric('roost_messaging_dead_letters_total') as Counter).get();

  it('dead-letters only the message PostgreSQL refuses (a NUL in its text); the rest of its batch is stored once, none redelivered', async () => {
    const brandId = randomUUID();
    const ids = Array.from({ length: 400 }, (_, i) => String(10_000 + i));
    const calls: number[] = [];
    const c = consume(brandId, async (batch) => {
      calls.push(batch.length);

      return store(batch);
    });
    // Published before the consumer starts so that the bad message shares a large batch.
    await publish(brandId, ids, (id) => (id === '10123' ? 'my order\u0000 is late' : undefined));
    await c.start();

    await eventually(async () => (await stored(brandId)).length === 399, {
      timeoutMs: 30_000,
      what: '399 stored',
    });
    await eventually(async () => (await deadLetters(brandId)).length === 1, {
      timeoutMs: 30_000,
      what: 'one dead letter',
    });
    expect(await deadLetters(brandId)).toEqual([
      { tweetId: '10123', cause: 'poison', reason: expect.stringMatching(/data error: .*(0x00|\\u0000)/) },
    ]);
    expect((await stored(brandId)).sort()).toEqual(ids.filter((id) => id !== '10123'));
    // No healthy message waited for a redelivery: every one was delivered exactly once, and the
    // dead letter's +TERM was taken (nothing left to come back after ack_wait).
    expect(await deliveries(brandId)).toBe(400);
    await eventually(async () => (await pending(brandId)) === 0, { what: 'nothing left pending' });
    expect(calls.some((n) => n > 100)).toBe(true);
    const metric = await deadLettered();
    expect(metric.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          value: 1,
          labels: expect.objectContaining({ event: 'mention.received', cause: 'poison' }),
        }),
      ]),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          msg: 'message dead-lettered',
          obj: expect.objectContaining({ cause: 'poison', subject: expect.stringContaining(brandId) }),
        },
      ]),
    );
  });

  it('retries a message that fails for an unexplained reason alone, and dead-letters it after max_deliver', async () => {
    const brandId = randomUUID();
    const ids = Array.from({ length: 100 }, (_, i) => String(20_000 + i));
    const seenBad: number[] = [];
    const c = consume(
      brandId,
      async (batch) => {
        const bad = batch.find((d) => d.payload.tweet.id === '20042');
        if (bad) {
          seenBad.push(bad.deliveryCount);
          throw new Error('queue for mention 20042 not found');
        }

        return store(batch);
      },
      { maxDeliver: 3 },
    );
    await publish(brandId, ids);
    await c.start();

    await eventually(async () => (await stored(brandId)).length === 99, {
      timeoutMs: 30_000,
      what: '99 stored',
    });
    await eventually(async () => (await deadLetters(brandId)).length === 1, {
      timeoutMs: 30_000,
      what: 'the failing message dead-lettered',
    });
    expect(await deadLetters(brandId)).toEqual([
      { tweetId: '20042', cause: 'retries_exhausted', reason: expect.stringContaining('not found') },
    ]);
    expect(new Set(seenBad)).toEqual(new Set([1, 2, 3]));
    // Only the failing message was delivered again (3 deliveries), the 99 others once.
    expect(await deliveries(brandId)).toBe(102);
    await eventually(async () => (await pending(brandId)) === 0, { what: 'nothing left pending' });
  });

  it('retries the whole batch, unsplit, while the database is unreachable', async () => {
    const brandId = randomUUID();
    const ids = Array.from({ length: 50 }, (_, i) => String(30_000 + i));
    let failures = 2;
    const c = consume(brandId, async (batch) => {
      if (failures-- > 0) {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }

      return store(batch);
    });
    await publish(brandId, ids);
    await c.start();

    await eventually(async () => (await stored(brandId)).length === 50, {
      timeoutMs: 30_000,
      what: 'all stored after the outage',
    });
    // Never split (a split costs ~2·log2(n) more database round trips per failure, against a database that is down).
    const isolations = (
      await (registry.getSingleMetric('roost_messaging_batch_isolations_total') as Counter).get()
    ).values;
    expect(isolations.filter((v) => v.labels['durable'] === `d-${brandId.slice(0, 8)}`)).toEqual([]);
    expect(failures).toBeLessThan(0);
    expect(await deadLetters(brandId)).toEqual([]);
  });

  it('keeps a long batch in progress past ack_wait, so JetStream does not deliver it again meanwhile', async () => {
    const brandId = randomUUID();
    const seen: string[] = [];
    let first = true;
    const c = consume(
      brandId,
      async (batch) => {
        seen.push(...batch.map((d) => `${d.payload.tweet.id}@${d.deliveryCount}`));
        if (first) {
          first = false;
          // Three times ack_wait.
          await new Promise((r) => setTimeout(r, 4500));
        }

        return store(batch);
      },
      { ackWaitMs: 1500 },
    );
    await publish(brandId, ['40000', '40001', '40002']);
    await c.start();
    await eventually(async () => (await stored(brandId)).length === 3, { timeoutMs: 30_000, what: 'stored' });
    // Another message after the long batch: when it is handled, any redelivery would have been too.
    await publish(brandId, ['40003']);
    await eventually(async () => (await stored(brandId)).length === 4, {
      timeoutMs: 30_000,
      what: 'the next one stored',
    });
    expect(seen).toEqual(['40000@1', '40001@1', '40002@1', '40003@1']);
    expect(await deliveries(brandId)).toBe(4);
  });
});
