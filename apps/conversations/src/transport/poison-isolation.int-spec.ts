import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Events, type ConversationRoutedV1 } from '@roost/contracts';
import { EventBus, NatsClient, silentLogger } from '@roost/messaging';
import { ReadinessRegistry } from '@roost/observability';
import { cleanupNamespace, eventually, testEnv } from '@roost/testing';
import { Client } from 'pg';
import { Registry, type Counter } from 'prom-client';
import { conversationsApp } from '../testing/conversations-app';

const TOTAL = 2000;
const BRANDS = 3;
const POISON = 1234;
/** An author with more followers than a 32-bit int holds: stored, not dead-lettered (bigint column). */
const FAMOUS = 777;

function routed(brandId: string, n: number): ConversationRoutedV1 {
  const at = new Date(Date.UTC(2026, 0, 1, 9, 0, 0, n)).toISOString();

  return {
    schema: 1,
    brandId,
    conversationId: randomUUID(),
    opened: true,
    queueId: randomUUID(),
    priority: 50,
    status: 'waiting',
    assigneeId: null,
    mention: {
      schema: 1,
      brandId,
      source: 'stream',
      channel: 'public',
      // The NUL bypasses ingest's sanitiser, as a bug or another producer would.
      tweet: {
        id: String(900_000 + n),
        text: n === POISON ? '@acmecares my order\u0000 is late' : `@acmecares order ${n} is late`,
        createdAt: at,
      },
      author:
        n === FAMOUS
          ? { id: '4242', handle: 'famous', name: 'Famous', followersCount: 3_000_000_000, verified: true }
          : {
              id: String(5000 + (n % 300)),
              handle: `cust${n % 300}`,
              name: `Customer ${n % 300}`,
              followersCount: 12,
              verified: false,
            },
      account: { id: randomUUID(), handle: 'acmecares', role: 'care', xUserId: '1' },
      replyPath: 'public',
      matchedRules: [],
      classification: {
        language: 'en',
        sentiment: { label: 'negative', score: -0.4 },
        intent: 'complaint',
        pii: [],
        priority: 50,
      },
      receivedAt: at,
    },
    queueSnapshot: { waiting: 1, assigned: 0, oldestWaitingSince: at },
    routedAt: at,
  };
}

/**
 * The acceptance test of poison isolation: 2,000 conversation.routed events of three brands reach
 * the real conversations consumer (the full app, in process) with one mention whose text holds a
 * NUL, which PostgreSQL refuses. That one is the only dead letter; the 1,999 others are stored,
 * each delivered once (none waited for a redelivery), and the service stays ready.
 */
describe('a poison message among 2,000 routed mentions of three brands (conversations, PostgreSQL + NATS)', () => {
  const env = testEnv();
  const schema = `"${env.schemaPrefix}conversations"`;
  const brands = Array.from({ length: BRANDS }, () => randomUUID());
  let app: INestApplication;
  let nats: NatsClient;
  let pg: Client;

  beforeAll(async () => {
    app = await conversationsApp(env, { logger: process.env['DBG'] ? ['error', 'warn'] : false });
    await app.init();
    nats = await NatsClient.connect({
      servers: env.natsServers,
      name: 'poison-isolation',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await nats?.drain();
    await pg?.end();
    await cleanupNamespace(env);
  }, 60_000);

  async function inbound(): Promise<number> {
    const { rows } = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.messages WHERE direction = 'inbound'`,
    );

    return rows[0]!.n;
  }

  it('dead-letters only the NUL-bearing mention and stores the 1,999 others, each delivered once', async () => {
    const events = Array.from({ length: TOTAL }, (_, n) => routed(brands[n % BRANDS]!, n));
    await new EventBus(nats).publishAll(
      Events.ConversationRouted,
      events.map((e) => ({
        payload: e,
        opts: { brandId: e.brandId, msgId: `routed:${e.brandId}:${e.mention.tweet.id}` },
      })),
    );

    await eventually(async () => (await inbound()) === TOTAL - 1, {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: `${TOTAL - 1} messages stored`,
    });
    const dlq = nats.topology.streamName('dlq');
    const filter = nats.topology.deadLetterSubject(nats.topology.eventFilter(Events.ConversationRouted));
    const letters = await eventually(
      async () => {
        const info = await nats.jsm.streams.info(dlq, { subjects_filter: filter });
        const n = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);

        return n >= 1 ? n : undefined;
      },
      { timeoutMs: 30_000, what: 'the dead letter' },
    );
    expect(letters).toBe(1);
    const letter = await nats.jsm.streams.getMessage(dlq, {
      last_by_subj: nats.topology.deadLetterSubject(
        nats.topology.eventSubject(Events.ConversationRouted, brands[POISON % BRANDS]!),
      ),
    });
    expect(Events.ConversationRouted.codec.decode(letter!.data).mention.tweet.id).toBe(
      String(900_000 + POISON),
    );
    expect(letter!.header.get('roost-dlq-cause')).toBe('poison');

    const { rows: stored } = await pg.query<{ x_id: string }>(
      `SELECT x_id FROM ${schema}.messages WHERE direction = 'inbound'`,
    );
    const expected = events.map((e) => e.mention.tweet.id).filter((id) => id !== String(900_000 + POISON));
    expect(stored.map((r) => r.x_id).sort()).toEqual(expected.sort());
    const { rows: famous } = await pg.query<{ followers_count: string }>(
      `SELECT followers_count FROM ${schema}.customers WHERE brand_id = $1 AND x_user_id = $2`,
      [brands[FAMOUS % BRANDS], '4242'],
    );
    expect(famous[0]?.followers_count).toBe('3000000000');

    // Healthy messages never waited for a redelivery: the consumer delivered exactly 2,000.
    const consumer = await eventually(
      async () => {
        const info = await nats.jsm.consumers.info(
          nats.topology.streamName(Events.ConversationRouted.stream),
          nats.topology.durable('conversations', 'routed'),
        );

        // Acks travel after the commit: wait until the last one is in.
        return info.num_pending + info.num_ack_pending === 0 ? info : undefined;
      },
      { timeoutMs: 30_000, what: 'every delivery settled' },
    );
    expect(consumer.delivered.consumer_seq).toBe(TOTAL);

    // Alerted on, and the service stays ready.
    const metric = await (
      app.get(Registry).getSingleMetric('roost_messaging_dead_letters_total') as Counter
    ).get();
    expect(metric.values).toEqual([
      expect.objectContaining({
        value: 1,
        labels: expect.objectContaining({ event: 'conversation.routed', cause: 'poison' }),
      }),
    ]);
    expect((await app.get(ReadinessRegistry).evaluate()).ready).toBe(true);
  }, 180_000);
});
