import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Events } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { DateTime } from 'luxon';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { mention } from '../testing/state-builder';
import { ownerDataSource } from '../testing/db';

/**
 * The acceptance invariant: three routing instances (full apps, in process) consume one durable
 * at once; 10,000 mentions over 4 brands and 200 agents in 8 timezones; then agents resolve
 * conversations and the waiting lists are pulled. No agent above capacity, every conversation
 * assigned exactly once or waiting, none lost, waiting order respected.
 */
const BRANDS = 4;
const AGENTS_PER_BRAND = 50;
const MENTIONS = Number(process.env['ROUTING_INT_MENTIONS'] ?? 10_000);
const ZONES = [
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/Paris',
  'Europe/London',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Australia/Sydney',
  'UTC',
];

describe('routing with three instances (PostgreSQL + NATS)', () => {
  const env = testEnv();
  const apps: INestApplication[] = [];
  const brands = Array.from({ length: BRANDS }, () => randomUUID());
  const queueOf = new Map<string, string>();
  let ds: DataSource;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 500, outboxMs: 500 } }), {
        logger: process.env['ROUTING_INT_LOG'] ? ['error', 'warn'] : false,
      });
      await app.init();
      apps.push(app);
      if (i === 0) {
        // The apps run as the app role (row-level security); the test arranges and checks all brands as the owner.
        ds = await ownerDataSource(env);
        await seed(ds);
      }
    }
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await ds?.destroy();
    await cleanupNamespace(env);
  }, 60_000);

  /** Agents on shift now in their own zone (9 in 10) or off shift (the 10th), capacity 2-4. */
  async function seed(db: DataSource): Promise<void> {
    const now = DateTime.utc();
    for (const [b, brandId] of brands.entries()) {
      const queueId = randomUUID();
      queueOf.set(brandId, queueId);
      await db.query(`INSERT INTO brands (id, name) VALUES ($1, $2)`, [brandId, `brand ${b}`]);
      await db.query(`INSERT INTO queues (brand_id, id, name, team) VALUES ($1, $2, 'care', 'care')`, [
        brandId,
        queueId,
      ]);
      for (let a = 0; a < AGENTS_PER_BRAND; a++) {
        const id = randomUUID();
        const zone = ZONES[a % ZONES.length] ?? 'UTC';
        const local = now.setZone(zone);
        const onShift = a % 10 !== 9;
        const start = onShift ? local.minus({ hours: 2 }) : local.plus({ hours: 3 });
        const shifts = [
          {
            day: start.weekday,
            start: start.toFormat('HH:mm'),
            end: start.plus({ hours: onShift ? 8 : 1 }).toFormat('HH:mm'),
          },
        ];
        await db.query(
          `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
           VALUES ($1,$2,$3,$4,'AG','agent','x','{en}',$5,'online',$6,$7)`,
          [brandId, id, `${id}@t.example`, `agent ${a}`, zone, 2 + (a % 3), JSON.stringify(shifts)],
        );
        await db.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1,$2,$3)`, [
          brandId,
          id,
          queueId,
        ]);
      }
    }
  }

  it('keeps capacity, exactly-once assignment, no loss and waiting order', async () => {
    const bus = apps[0]?.get(EventBus) as EventBus;
    const priorities = [10, 50, 90];
    const items = Array.from({ length: MENTIONS }, (_, i) => {
      const brandId = brands[i % BRANDS] ?? '';
      const m = {
        ...mention({ customer: String(100_000 + ((i * 7919) % 7000)), priority: priorities[i % 3] }),
        brandId,
      };
      m.tweet = { ...m.tweet, id: String(9_000_000 + i) };

      return { payload: m, opts: { brandId, msgId: `t:${m.tweet.id}` } };
    });
    await bus.publishAll(Events.MentionReceived, items);
    await eventually(
      async () => Number((await ds.query(`SELECT count(*) AS n FROM routed_mentions`))[0].n) === MENTIONS,
      {
        timeoutMs: 240_000,
        intervalMs: 500,
        what: 'every mention routed',
      },
    );

    // All three instances took part (each app has its own metrics registry).
    for (const app of apps) {
      const metric = await app.get(Registry).getSingleMetric('roost_routing_decisions_total')?.get();
      expect((metric?.values ?? []).reduce((n, v) => n + v.value, 0)).toBeGreaterThan(0);
    }

    // Phase 2: agents resolve 60 conversations per brand (each event delivered twice).
    const toResolve: Array<{
      brand_id: string;
      id: string;
      queue_id: string;
      assignee_id: string;
      opened_at: Date;
    }> = await ds.query(
      `SELECT brand_id, id, queue_id, assignee_id, opened_at FROM (
         SELECT *, row_number() OVER (PARTITION BY brand_id ORDER BY id) AS r FROM conversations WHERE status = 'assigned') x WHERE r <= 60`,
    );
    const before = new Date().toISOString();
    const events = toResolve.map((c) => ({
      payload: {
        schema: 1 as const,
        brandId: c.brand_id,
        conversationId: c.id,
        queueId: c.queue_id,
        assigneeId: c.assignee_id,
        status: 'resolved' as const,
        previousStatus: 'assigned' as const,
        reason: 'resolved' as const,
        actorId: c.assignee_id,
        openedAt: c.opened_at.toISOString(),
        at: new Date().toISOString(),
      },
      opts: { brandId: c.brand_id, msgId: `resolved:${c.id}` },
    }));
    await bus.publishAll(Events.ConversationStatusChanged, events);
    await bus.publishAll(
      Events.ConversationStatusChanged,
      events.map((e) => ({ ...e, opts: { ...e.opts, msgId: `again:${e.opts.msgId}` } })),
    );
    await eventually(
      async () => {
        const [r] = await ds.query(
          `SELECT (SELECT count(*) FROM conversations WHERE status = 'resolved') AS resolved, (SELECT count(*) FROM routing_outbox) AS outbox,
             (SELECT sum(capacity) FROM agents WHERE position('"day"' in shifts::text) > 0 AND active_count < capacity AND name NOT LIKE '%9') AS free`,
        );
        return Number(r.resolved) === toResolve.length && Number(r.outbox) === 0 && r.free === null;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'freed slots refilled from the waiting lists' },
    );

    // 1. Capacity: the stored count matches the assigned conversations and never exceeds capacity.
    const agents: Array<{
      id: string;
      capacity: number;
      active_count: number;
      assigned: string;
      name: string;
    }> = await ds.query(
      `SELECT a.id, a.capacity, a.active_count, a.name, count(c.id) AS assigned FROM agents a
       LEFT JOIN conversations c ON c.brand_id = a.brand_id AND c.assignee_id = a.id AND c.status = 'assigned' GROUP BY a.brand_id, a.id`,
    );
    expect(agents).toHaveLength(BRANDS * AGENTS_PER_BRAND);
    for (const a of agents) {
      expect(a.active_count).toBeLessThanOrEqual(a.capacity);
      expect(Number(a.assigned)).toBe(a.active_count);
      if (a.name.endsWith('9')) expect(a.active_count).toBe(0); // off shift: never assigned
    }
    // 2. None lost: every mention routed once, to a conversation that exists; open ones assigned xor waiting.
    const [counts] = await ds.query(
      `SELECT count(*) AS routed, count(DISTINCT conversation_id) AS convs,
         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.brand_id = r.brand_id AND c.id = r.conversation_id)) AS dangling
       FROM routed_mentions r`,
    );
    expect(Number(counts.routed)).toBe(MENTIONS);
    expect(Number(counts.dangling)).toBe(0);
    const [open] = await ds.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE (status = 'assigned') <> (assignee_id IS NOT NULL) AND status <> 'resolved') AS bad FROM conversations`,
    );
    expect(Number(open.total)).toBe(Number(counts.convs));
    expect(Number(open.bad)).toBe(0);

    // 3. Exactly once: each conversation became assigned at most once (routed assigned, or pulled from the list).
    const client = apps[0]?.get(NatsClient) as NatsClient;
    const routed = await readEvents(client, Events.ConversationRouted);
    const assigned = await readEvents(client, Events.ConversationAssigned);
    const becameAssigned = new Map<string, number>();
    for (const r of routed) {
      if (r.opened && r.status === 'assigned') {
        becameAssigned.set(r.conversationId, (becameAssigned.get(r.conversationId) ?? 0) + 1);
      }
    }
    for (const a of assigned) {
      if (a.status === 'assigned') {
        becameAssigned.set(a.conversationId, (becameAssigned.get(a.conversationId) ?? 0) + 1);
      }
    }
    expect([...becameAssigned.values()].filter((n) => n !== 1)).toEqual([]);
    const everAssigned: Array<{ id: string }> = await ds.query(
      `SELECT id FROM conversations WHERE assignee_id IS NOT NULL`,
    );
    expect(new Set(becameAssigned.keys())).toEqual(new Set(everAssigned.map((c) => c.id)));

    // 4. Waiting order: every conversation pulled in phase 2 comes before every one still waiting.
    const pulled = assigned.filter((a) => a.reason === 'from_waiting_list' && a.at >= before);
    expect(pulled.length).toBeGreaterThanOrEqual(toResolve.length);
    const rows: Array<{ id: string; brand_id: string; priority: number; opened_at: Date; status: string }> =
      await ds.query(
        `SELECT id, brand_id, priority, opened_at, status FROM conversations WHERE status = 'waiting' OR id = ANY($1::uuid[])`,
        [pulled.map((p) => p.conversationId)],
      );
    const key = (r: { priority: number; opened_at: Date; id: string }): [number, number, string] => [
      -r.priority,
      r.opened_at.getTime(),
      r.id,
    ];
    const before2 = (x: [number, number, string], y: [number, number, string]): boolean =>
      x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
    for (const brandId of brands) {
      const waiting = rows.filter((r) => r.brand_id === brandId && r.status === 'waiting').map(key);
      const took = rows.filter((r) => r.brand_id === brandId && r.status !== 'waiting').map(key);
      expect(waiting.length).toBeGreaterThan(0);
      for (const t of took) {
        for (const w of waiting) {
          if (!before2(t, w)) {
            throw new Error(`waiting order broken in ${brandId}: ${t.join()} pulled before ${w.join()}`);
          }
        }
      }
    }
  }, 400_000);
});
