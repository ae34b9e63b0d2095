/**
 * B6 with persistence (PERFORMANCE.md): routing decisions per second through Roost's real write
 * path (BrandWriter: brand lock and version fence, already-routed check, rules, eligibility on
 * shift in each agent's IANA zone, language, capacity, stickiness, least loaded, waiting list,
 * multi-row persist, version bump) against a round robin that persists the same rows with the same
 * statements (RoutingRepository.persist in one transaction per batch), same PostgreSQL, same run.
 *   node -r @swc-node/register bench/routing-persistence.bench.ts
 * Batches of 500 mentions (the consumers' micro-batch), 200 agents in 5 zones, 15,000 customers.
 * Output: one JSON object per line: { name, value, unit, baseline, ratio }. Nothing else on stdout.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { MentionReceivedV1 } from '@roost/contracts';
import { useBrand } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routeMention } from '../apps/routing/src/assignment/router';
import type { Conversation } from '../apps/routing/src/data/conversation.record';
import { RoutingRepository, type RoutedRow } from '../apps/routing/src/data/routing.repository';
import { BrandWriter } from '../apps/routing/src/state/brand-writer';
import { ChangeSet } from '../apps/routing/src/state/change-set';
import { ownerDataSource } from '../apps/routing/src/testing/db';
import { routingApp } from '../apps/routing/src/testing/routing-app';
import { mention } from '../apps/routing/src/testing/state-builder';
import { percentile, ratio, report } from './lib/report';

const AGENTS = 200;
const CAPACITY = 8;
const BATCH = 500;
const PER_ROUND = Number(process.env.BENCH_ROUTING_MENTIONS ?? 10_000);
const ZONES = ['America/New_York', 'Europe/Paris', 'Asia/Seoul', 'Asia/Kolkata', 'America/Sao_Paulo'];
const LANGS = ['en', 'es', 'fr', 'ko', 'hi'];
const ALL_WEEK = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })));

interface Brand {
  id: string;
  queueId: string;
  agentIds: string[];
}

async function seedBrand(ds: DataSource): Promise<Brand> {
  const brand: Brand = { id: randomUUID(), queueId: randomUUID(), agentIds: [] };
  await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'bench')`, [brand.id]);
  await ds.query(
    `INSERT INTO queues (brand_id, id, name, team, sticky_window_minutes) VALUES ($1, $2, 'care', 'care', 60)`,
    [brand.id, brand.queueId],
  );
  for (let a = 0; a < AGENTS; a++) {
    const id = randomUUID();
    brand.agentIds.push(id);
    await ds.query(
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
       VALUES ($1,$2,$3,$4,'AG','agent','x',$5,$6,'online',$7,$8)`,
      [
        brand.id,
        id,
        `${id}@bench.example`,
        `agent ${a}`,
        ['en', LANGS[a % 5] ?? 'en'],
        ZONES[a % ZONES.length],
        CAPACITY,
        ALL_WEEK,
      ],
    );
    await ds.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1,$2,$3)`, [
      brand.id,
      id,
      brand.queueId,
    ]);
  }

  return brand;
}

function mentionsFor(brand: Brand, round: number): MentionReceivedV1[] {
  return Array.from({ length: PER_ROUND }, (_, i) => {
    const m = mention({
      customer: String(1_000_000 + round * 100_000 + (i % 15_000)),
      language: LANGS[i % 5],
      priority: (i * 37) % 100,
    });

    return { ...m, brandId: brand.id, tweet: { ...m.tweet, id: `${round}-${i}` } };
  });
}

type Timed = { perSec: number; p99ms: number };

function timed(batchMs: number[], decisions: number, totalMs: number): Timed {
  const sorted = [...batchMs].sort((a, b) => a - b);

  return { perSec: decisions / (totalMs / 1000), p99ms: percentile(sorted, 99) };
}

/** Roost: what RoutingService.handleBatch does for one brand, minus the publish. */
async function roost(
  writer: BrandWriter,
  repo: RoutingRepository,
  brand: Brand,
  mentions: MentionReceivedV1[],
): Promise<Timed> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < mentions.length; i += BATCH) {
    const batch = mentions.slice(i, i + BATCH);
    const b0 = performance.now();
    await writer.write(brand.id, async (ctx, tx) => {
      const already = await repo.findRouted(
        tx,
        brand.id,
        batch.map((m) => m.tweet.id),
      );
      for (const m of batch) {
        if (already.has(m.tweet.id)) continue;
        const d = routeMention(ctx, m);
        if (!d) throw new Error('no queue');
        const row: RoutedRow = {
          tweetId: m.tweet.id,
          conversationId: d.conversationId,
          opened: d.opened,
          status: d.status,
          assigneeId: d.assigneeId,
          queueId: d.queueId,
          priority: d.priority,
        };
        already.set(m.tweet.id, row);
        ctx.changes.routed.push(row);
      }
    });
    lat.push(performance.now() - b0);
  }

  return timed(lat, mentions.length, performance.now() - t0);
}

/** The anchor: next agent in a ring with a free seat (else waiting), one conversation per customer, the same rows persisted. */
async function roundRobin(
  ds: DataSource,
  repo: RoutingRepository,
  brand: Brand,
  mentions: MentionReceivedV1[],
): Promise<Timed> {
  const load = new Array<number>(AGENTS).fill(0);
  const open = new Map<string, Conversation>();
  let cursor = 0;
  let version = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < mentions.length; i += BATCH) {
    const batch = mentions.slice(i, i + BATCH);
    const b0 = performance.now();
    await ds.transaction(async (tx) => {
      // Row-level security: the same one set_config per brand and transaction as BrandWriter.
      await useBrand(tx, brand.id);
      const changes = new ChangeSet();
      for (const m of batch) {
        let conv = open.get(m.author.id);
        const opened = !conv;
        if (!conv) {
          let agent = -1;
          for (let k = 0; k < AGENTS && agent < 0; k++) {
            cursor = (cursor + 1) % AGENTS;
            if ((load[cursor] ?? 0) < CAPACITY) agent = cursor;
          }
          const now = Date.now();
          conv = {
            id: randomUUID(),
            customerXId: m.author.id,
            channel: m.channel,
            xConversationId: m.tweet.conversationId ?? null,
            queueId: brand.queueId,
            status: agent >= 0 ? 'assigned' : 'waiting',
            assigneeId: agent >= 0 ? (brand.agentIds[agent] ?? null) : null,
            priority: m.classification.priority,
            language: m.classification.language,
            openedAt: now,
            assignedAt: agent >= 0 ? now : null,
            translationHint: false,
            firstResponseAt: null,
            slaWarnedAt: null,
            slaBreachedAt: null,
            dmLinkedAt: null,
          };
          if (agent >= 0) {
            load[agent] = (load[agent] ?? 0) + 1;
            changes.load(conv.assigneeId ?? '', +1);
          }
          open.set(m.author.id, conv);
          changes.open(conv);
        }
        changes.routed.push({
          tweetId: m.tweet.id,
          conversationId: conv.id,
          opened,
          status: conv.status === 'assigned' ? 'assigned' : 'waiting',
          assigneeId: conv.assigneeId,
          queueId: conv.queueId,
          priority: conv.priority,
        });
      }
      await repo.persist(tx, brand.id, changes, ++version);
    });
    lat.push(performance.now() - b0);
  }

  return timed(lat, mentions.length, performance.now() - t0);
}

async function main(): Promise<void> {
  const env = testEnv();
  const app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 0, outboxMs: 0 } }), {
    logger: false,
  });
  await app.init();
  // Routing runs as the app role (row-level security); brands are seeded and ANALYZEd as the owner.
  const owner = await ownerDataSource(env);
  try {
    const ds = app.get(DataSource);
    const writer = app.get(BrandWriter);
    const repo = app.get(RoutingRepository);
    // Warm-up on throwaway brands (plans, caches), then alternate so drift hits both sides alike.
    const warmA = await seedBrand(owner);
    const warmB = await seedBrand(owner);
    await roost(writer, repo, warmA, mentionsFor(warmA, 0).slice(0, 2000));
    await roundRobin(ds, repo, warmB, mentionsFor(warmB, 0).slice(0, 2000));
    await owner.query('ANALYZE');
    const ours: Timed[] = [];
    const base: Timed[] = [];
    for (let round = 1; round <= 2; round++) {
      const a = await seedBrand(owner);
      const b = await seedBrand(owner);
      ours.push(await roost(writer, repo, a, mentionsFor(a, round)));
      base.push(await roundRobin(ds, repo, b, mentionsFor(b, round)));
    }
    const best = (xs: Timed[]) => xs.reduce((x, y) => (y.perSec > x.perSec ? y : x));
    const o = best(ours);
    const r = best(base);
    report({
      name: 'routing.persisted_decisions_per_second',
      value: Math.round(o.perSec),
      unit: 'decisions/s',
      baseline: Math.round(r.perSec),
      ratio: ratio(o.perSec, r.perSec, true),
    });
    report({
      name: 'routing.persisted_batch_p99',
      value: Math.round(o.p99ms * 10) / 10,
      unit: `ms per ${BATCH}`,
      baseline: Math.round(r.p99ms * 10) / 10,
      ratio: ratio(o.p99ms, r.p99ms, false),
    });
  } finally {
    await owner.destroy();
    await app.close();
    await cleanupNamespace(env);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
