/**
 * Metrics benchmark (issue 6): report query p99 over 1,000,000 conversations of history and event
 * folding throughput, each against a plain SQL aggregate / plain INSERT baseline in the same run,
 * same database, same data. One JSON line per figure: { name, value, unit, baseline, ratio }.
 * Run: node -r @swc-node/register bench/metrics.bench.ts   (bounded to about a minute)
 * Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/roost), BENCH_CONVERSATIONS (default 1000000).
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { APP_ROLE, createServiceDataSource, initialize, migrate, valuesList } from '@roost/database';
import type { DataSource } from 'typeorm';
import type { ReportScope } from '../apps/metrics/src/common/report-scope';
import { routedFacts, sentFacts } from '../apps/metrics/src/data/fact-patch';
import { FactRepository } from '../apps/metrics/src/data/fact.repository';
import { ReportRepository } from '../apps/metrics/src/data/report.repository';
import { METRICS_MIGRATIONS } from '../apps/metrics/src/migrations';
import { ConversationScript } from '../apps/metrics/src/testing/event-builders';

const DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roost';
const N = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const BRAND = randomUUID();
const QUEUES = Array.from({ length: 8 }, () => randomUUID());
const AGENTS = Array.from({ length: 60 }, () => randomUUID());
const HISTORY_START = '2025-01-01T00:00:00Z';

function emit(name: string, value: number, unit: string, baseline: number, higherIsBetter: boolean): void {
  const ratio = higherIsBetter ? value / baseline : baseline / value;
  process.stdout.write(
    `${JSON.stringify({ name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio) })}\n`,
  );
}
const round = (x: number) => Math.round(x * 1000) / 1000;

function p99(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);

  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] ?? 0;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the cache and the plan
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }

  return out;
}

/** One year of history for one brand: a conversation every ~31 s, 1.3 inbound messages each on average. */
async function generate(ds: DataSource): Promise<void> {
  // Bulk load as a restore would: indexes built once after the rows, not row by row.
  await ds.query(`DROP INDEX conversation_facts_report, inbound_messages_at, inbound_messages_conversation;
    ALTER TABLE conversation_facts SET UNLOGGED; ALTER TABLE inbound_messages SET UNLOGGED`);
  await ds.query(
    `INSERT INTO conversation_facts (brand_id, conversation_id, queue_id, queue_at, agent_id, agent_at, language, channel, priority, dims_at,
       opened_at, first_assigned_at, first_response_at, last_reply_at, resolved_at, inbound, answered, negative, neutral, positive,
       first_sentiment, first_score, last_sentiment, last_score)
     SELECT $1::uuid, gen_random_uuid(), ($2::uuid[])[1 + i % 8], o, ($3::uuid[])[1 + i % 60], o,
       (ARRAY['en','en','en','fr','es','de'])[1 + i % 6], CASE WHEN i % 5 = 0 THEN 'dm' ELSE 'public' END, i % 100, o,
       o, o + interval '20 seconds', CASE WHEN i % 10 <> 0 THEN o + (random() * 7200) * interval '1 second' END,
       o + (random() * 9000) * interval '1 second', CASE WHEN i % 7 <> 0 THEN o + (3600 + random() * 20000) * interval '1 second' END,
       1 + (i % 3 = 0)::int, 1, (i % 3 = 0)::int, 1, (i % 3 <> 0)::int,
       CASE WHEN i % 3 = 0 THEN 'negative' ELSE 'neutral' END, -0.2, CASE WHEN i % 4 = 0 THEN 'positive' ELSE 'neutral' END, 0.3
     FROM generate_series(1, $4::int) AS i, LATERAL (SELECT $5::timestamptz + (i * 31.5) * interval '1 second' AS o) t`,
    [BRAND, QUEUES, AGENTS, N, HISTORY_START],
  );
  await ds.query(
    `INSERT INTO inbound_messages (brand_id, tweet_id, conversation_id, at, queue_id, language, channel, sentiment, score)
     SELECT brand_id, conversation_id::text, conversation_id, opened_at, queue_id, language, channel, first_sentiment, first_score
     FROM conversation_facts WHERE brand_id = $1`,
    [BRAND],
  );
  // Every conversation's opening is a response cycle (as the migration carries history over), plus a reopening for one in 20.
  await ds.query(`DROP INDEX response_cycles_report; ALTER TABLE response_cycles SET UNLOGGED`);
  await ds.query(
    `INSERT INTO response_cycles (brand_id, conversation_id, started_at, queue_id, agent_id, language, channel, priority,
       first_response_at, first_response_agent_id)
     SELECT brand_id, conversation_id, opened_at, queue_id, agent_id, language, channel, priority, first_response_at, agent_id
     FROM conversation_facts WHERE brand_id = $1
     UNION ALL
     SELECT brand_id, conversation_id, opened_at + interval '20 hours', queue_id, agent_id, language, channel, priority,
       opened_at + interval '20 hours 25 minutes', agent_id
     FROM conversation_facts WHERE brand_id = $1 AND hashtext(conversation_id::text) % 20 = 0`,
    [BRAND],
  );
  await ds.query(
    `ALTER TABLE conversation_facts SET LOGGED; ALTER TABLE inbound_messages SET LOGGED; ALTER TABLE response_cycles SET LOGGED`,
  );
  await ds.query(`CREATE INDEX response_cycles_report ON response_cycles (brand_id, started_at)
    INCLUDE (queue_id, agent_id, first_response_agent_id, language, channel, priority, first_response_ms)`);
  await ds.query(`VACUUM ANALYZE response_cycles`);
  await ds.query(`CREATE INDEX conversation_facts_report ON conversation_facts (brand_id, opened_at)
    INCLUDE (queue_id, agent_id, language, channel, priority, first_response_ms, resolution_ms, handle_ms,
             inbound, answered, negative, neutral, positive, first_sentiment, last_sentiment, first_score, last_score)`);
  await ds.query(
    `CREATE INDEX inbound_messages_conversation ON inbound_messages (brand_id, conversation_id)`,
  );
  await ds.query(
    `CREATE INDEX inbound_messages_at ON inbound_messages (brand_id, at) INCLUDE (queue_id, language, channel)`,
  );
  await ds.query(`VACUUM ANALYZE conversation_facts`);
  await ds.query(`VACUUM ANALYZE inbound_messages`);
}

async function benchReports(ds: DataSource, app: DataSource): Promise<void> {
  const repo = new ReportRepository(app);
  const month: ReportScope = {
    brandId: BRAND,
    from: new Date('2025-06-01T00:00:00Z'),
    to: new Date('2025-07-01T00:00:00Z'),
    timezone: 'Europe/Paris',
    filter: {},
  };
  const quarter: ReportScope = {
    ...month,
    from: new Date('2025-04-01T00:00:00Z'),
    to: new Date('2025-07-01T00:00:00Z'),
  };
  const baseline = (scope: ReportScope) => () =>
    ds.query(
      `SELECT count(*), avg(first_response_ms), avg(resolution_ms), avg(handle_ms), sum(inbound), sum(answered)
       FROM conversation_facts WHERE brand_id = $1 AND opened_at >= $2 AND opened_at < $3`,
      [scope.brandId, scope.from, scope.to],
    );
  const opts = { targets: [], defaultMinutes: 60, now: new Date() };
  const cases: Array<[string, ReportScope, () => Promise<unknown>, number]> = [
    ['report_summary_month_p99', month, () => repo.summary(month, { ...opts, groupBy: 'none' }), 20],
    [
      'report_summary_month_by_agent_p99',
      month,
      () => repo.summary(month, { ...opts, groupBy: 'agent' }),
      10,
    ],
    [
      'report_summary_quarter_by_day_p99',
      quarter,
      () => repo.summary(quarter, { ...opts, groupBy: 'day' }),
      5,
    ],
    ['report_heatmap_quarter_p99', quarter, () => repo.inboundByHourOfWeek(quarter), 5],
  ];
  for (const [name, scope, run, runs] of cases) {
    const base = p99(await timeIt(runs, baseline(scope)));
    const ours = p99(await timeIt(runs, run));
    emit(name, ours, 'ms', base, false);
  }
}

/** Routed + sent events for new conversations, folded in batches of 500 as the consumers do. */
async function benchFolding(ds: DataSource, app: DataSource): Promise<void> {
  const repo = new FactRepository(app);
  const conversations = 5000;
  const batches: Array<Parameters<FactRepository['fold']>[0]> = [];
  const plainRows: unknown[][] = [];
  type Batch = Required<Parameters<FactRepository['fold']>[0]>;
  const empty = (): { [K in keyof Batch]: Array<Batch[K][number]> } => ({
    patches: [],
    inbound: [],
    snapshots: [],
    cycles: [],
    outbound: [],
    merges: [],
    splits: [],
  });
  let current = empty();
  for (let i = 0; i < conversations; i++) {
    const c = new ConversationScript({
      brandId: BRAND,
      queueId: QUEUES[i % 8] ?? '',
      opened: '2026-01-02T00:00:00.000Z',
      language: 'en',
      channel: 'public',
      priority: 10,
    });
    const r = routedFacts(
      c.routed({ minute: 0, opened: true, label: 'neutral', score: 0, assigneeId: AGENTS[i % 60] ?? null }),
    );
    current.patches.push(r.patch);
    current.inbound.push(r.inbound);
    current.snapshots.push(r.snapshot);
    if (r.cycle) current.cycles.push(r.cycle);
    const sent = sentFacts(c.sent({ minute: 12, agentId: AGENTS[i % 60] ?? '', first: true }));
    current.patches.push(sent.patch);
    current.outbound.push(sent.outbound);
    plainRows.push([BRAND, c.conversationId, r.inbound.at], [BRAND, randomUUID(), r.inbound.at]);
    if (current.patches.length >= 500) {
      batches.push(current);
      current = empty();
    }
  }
  if (current.patches.length > 0) batches.push(current);
  const events = conversations * 2;

  await ds.query(`CREATE TABLE plain_events (brand_id uuid, conversation_id uuid, at timestamptz)`);
  let t = performance.now();
  for (let i = 0; i < plainRows.length; i += 500) {
    const v = valuesList(plainRows.slice(i, i + 500), ['uuid', 'uuid', 'timestamptz']);
    await ds.query(`INSERT INTO plain_events (brand_id, conversation_id, at) VALUES ${v.sql}`, v.params);
  }
  const baseline = events / ((performance.now() - t) / 1000);

  t = performance.now();
  for (const b of batches) await repo.fold(b);
  const ours = events / ((performance.now() - t) / 1000);
  emit('fold_events_per_s', ours, 'events/s', baseline, true);

  // Redelivery of the same events: idempotent merges, nothing double-counted.
  t = performance.now();
  for (const b of batches.slice(0, 5)) await repo.fold(b);
  const redelivered = (5 * 500) / ((performance.now() - t) / 1000);
  emit('fold_redelivered_events_per_s', redelivered, 'events/s', baseline, true);
}

async function main(): Promise<void> {
  const schema = `bench_metrics_${randomBytes(4).toString('hex')}`;
  const ds = await initialize(
    createServiceDataSource({
      url: DB,
      schema,
      migrations: METRICS_MIGRATIONS,
      applicationName: 'metrics-bench',
    }),
  );
  const started = performance.now();
  try {
    await migrate(ds);
    await generate(ds);
    process.stderr.write(`generated ${N} conversations in ${Math.round(performance.now() - started)} ms\n`);
    // Roost's side runs as the service does: the app role under row-level security; the plain SQL
    // baselines run as the owner, without it.
    const app = await initialize(
      createServiceDataSource({
        url: DB,
        schema,
        migrations: METRICS_MIGRATIONS,
        applicationName: 'metrics-bench-app',
        role: APP_ROLE,
      }),
    );
    try {
      await benchReports(ds, app);
      await benchFolding(ds, app);
    } finally {
      await app.destroy();
    }
  } finally {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
