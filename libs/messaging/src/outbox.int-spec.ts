import { randomUUID } from 'node:crypto';
import type { PubAck } from '@nats-io/jetstream';
import { Events, type ConversationStatusChangedV1, type EventDef, type PayloadOf } from '@roost/contracts';
import {
  APP_ROLE,
  createOutboxTable,
  createServiceDataSource,
  dropOutboxTable,
  initialize,
  migrate,
  withBrand,
} from '@roost/database';
import { cleanupNamespace, eventually, testEnv } from '@roost/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { EventBus, type PublishOptions } from './event-bus';
import { silentLogger } from './logger';
import { NatsClient } from './nats-client';
import { Outbox, outboxEvent } from './outbox';
import { provisionStreams } from './streams';

class OutboxTable1700000000000 implements MigrationInterface {
  name = 'OutboxTable1700000000000';

  up(q: QueryRunner): Promise<void> {
    return createOutboxTable(q);
  }

  down(q: QueryRunner): Promise<void> {
    return dropOutboxTable(q);
  }
}

/** Counts what reaches JetStream, and what JetStream dropped as a repeat of a msg id it had. */
class CountingBus extends EventBus {
  published = 0;
  duplicates = 0;

  override async publish<D extends EventDef>(
    def: D,
    payload: PayloadOf<D>,
    opts: PublishOptions,
  ): Promise<PubAck> {
    const ack = await super.publish(def, payload, opts);
    this.published++;
    if (ack.duplicate) this.duplicates++;

    return ack;
  }
}

/**
 * The outbox's guarantees, once for every service: rows committed with a change survive a writer
 * that never published them, several relays publish each row once (row locks, not luck), and the
 * table is under brand isolation for the app role.
 */
describe('transactional outbox (PostgreSQL + NATS)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}outbox`;
  const brands = [randomUUID(), randomUUID()];
  let owner: DataSource;
  let app: DataSource;
  let client: NatsClient;

  beforeAll(async () => {
    const opts = {
      url: env.databaseUrl,
      schema,
      migrations: [OutboxTable1700000000000],
      applicationName: 'outbox-test',
    };
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'outbox-int',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    await provisionStreams(client.jsm, client.topology);
  }, 60_000);

  afterAll(async () => {
    await client?.drain();
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  }, 60_000);

  const statusEvent = (brandId: string, i: number): ConversationStatusChangedV1 => ({
    schema: 1,
    brandId,
    conversationId: randomUUID(),
    queueId: randomUUID(),
    assigneeId: null,
    status: 'resolved',
    previousStatus: 'assigned',
    reason: 'resolved',
    actorId: null,
    openedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    at: new Date().toISOString(),
  });

  async function published(): Promise<string[]> {
    const def = Events.ConversationStatusChanged;
    const consumer = await client.js.consumers.get(client.topology.streamName(def.stream));
    const ids: string[] = [];
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
      let n = 0;
      for await (const m of batch) {
        ids.push(def.codec.decode(m.data).conversationId);
        n++;
      }
      if (n === 0) return ids;
    }
  }

  it('publishes what was committed but never kicked, each row once across three relaying instances', async () => {
    const events = brands.flatMap((brandId) =>
      Array.from({ length: 300 }, (_, i) => statusEvent(brandId, i)),
    );
    // The writer: commits its change with the events, then "dies" (never kicks).
    const writer = new Outbox(app, new EventBus(client), { sweepMs: 0 });
    for (const brandId of brands) {
      const mine = events.filter((e) => e.brandId === brandId);
      await withBrand(app, brandId, (tx) =>
        writer.add(
          tx,
          brandId,
          mine.map((e) =>
            outboxEvent(Events.ConversationStatusChanged, e, { msgId: `status:${e.conversationId}` }),
          ),
        ),
      );
    }
    // A rolled-back transaction leaves nothing to publish.
    await withBrand(app, brands[0]!, async (tx) => {
      await writer.add(tx, brands[0]!, [
        outboxEvent(Events.ConversationStatusChanged, statusEvent(brands[0]!, 999), { msgId: 'rolled-back' }),
      ]);
      throw new Error('rollback');
    }).catch(() => undefined);

    // Three instances' sweeps at once, with small batches so that they contend for the same rows.
    const buses = [0, 1, 2].map(() => new CountingBus(client));
    const relays = buses.map((bus) => new Outbox(app, bus, { sweepMs: 0, batch: 25 }));
    await Promise.all(relays.map((r) => r.sweep()));
    await eventually(
      async () =>
        ((await owner.query(`SELECT count(*)::int AS n FROM outbox`)) as Array<{ n: number }>)[0]?.n === 0 ||
        undefined,
      {
        what: 'outbox drained',
        timeoutMs: 30_000,
      },
    );

    const ids = await published();
    expect(ids).toHaveLength(events.length);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.conversationId)));
    // Once by the relays themselves, not thanks to JetStream's de-duplication hiding repeats.
    expect(buses.reduce((n, b) => n + b.published, 0)).toBe(events.length);
    expect(buses.reduce((n, b) => n + b.duplicates, 0)).toBe(0);
  }, 90_000);

  it('keeps the outbox under brand isolation for the app role', async () => {
    const [a, b] = brands as [string, string];
    const writer = new Outbox(app, new EventBus(client), { sweepMs: 0 });
    await withBrand(app, a, (tx) =>
      writer.add(tx, a, [outboxEvent(Events.ConversationStatusChanged, statusEvent(a, 1), { msgId: 'iso' })]),
    );
    expect(await withBrand(app, b, (tx) => tx.query(`SELECT id FROM outbox`))).toEqual([]);
    await expect(
      withBrand(app, b, (tx) =>
        writer.add(tx, a, [
          outboxEvent(Events.ConversationStatusChanged, statusEvent(a, 2), { msgId: 'other' }),
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await app.query(`SELECT outbox_brands() AS brand_id`)).toEqual([{ brand_id: a }]);
    await writer.relay(a);
  });
});
