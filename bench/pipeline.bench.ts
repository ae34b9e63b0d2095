/**
 * B1 and B2 (PERFORMANCE.md): end-to-end mentions/s and tweet → console latency through the real
 * services (twitter-sim → ingest → routing → conversations → gateway → graphql-ws), against the
 * minimal pipeline anchor measured in the same run on the same NATS and PostgreSQL.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { TestStack } from '@roost/testing';
import { WebSocket } from 'ws';
import { startPlatform } from '../e2e/e2e-env';
import { collect, GraphqlTestClient } from '../e2e/graphql-client';
import { anchorMention } from './lib/payloads';
import { MinimalPipeline } from './lib/minimal-pipeline';
import { percentile, ratio, report } from './lib/report';
import { benchBatch, injectTweets } from './lib/sim-inject';
import { sleep, until } from './lib/timing';

const THROUGHPUT_N = Number(process.env.BENCH_B1_MENTIONS ?? 3000);
const LATENCY_RATE = Number(process.env.BENCH_B2_RATE ?? 500);
const LATENCY_SECONDS = Number(process.env.BENCH_B2_SECONDS ?? 6);
const LATENCY_CONSOLES = Number(process.env.BENCH_B2_CONSOLES ?? 50);
const WARMUP = 500;

/** Sends `n` items at `rate` per second (Infinity: as fast as `send` allows, 8 in flight). */
async function pace(n: number, rate: number, send: (i: number) => Promise<void>): Promise<void> {
  if (!Number.isFinite(rate)) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < n) await send(next++);
      }),
    );

    return;
  }
  const start = Date.now();
  const inflight: Array<Promise<void>> = [];
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    inflight.push(send(i));
  }
  await Promise.all(inflight);
}

async function anchorRun(): Promise<{ throughput: number; p50: number; p99: number }> {
  const anchor = new MinimalPipeline(
    (process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222').split(','),
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roost',
  );
  await anchor.start();
  const brandId = randomUUID();
  const open = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => {
        const ws = new WebSocket(`ws://127.0.0.1:${anchor.port}`);

        return new Promise<WebSocket>((r) => ws.once('open', () => r(ws)));
      }),
    );
  try {
    // B1 anchor: one console, as fast as the pipeline goes.
    const [one] = await open(1);
    let received = 0;
    one!.on('message', () => received++);
    const payloads = Array.from({ length: THROUGHPUT_N }, (_, i) =>
      new TextEncoder().encode(JSON.stringify(anchorMention(brandId, i, new Date().toISOString()))),
    );
    const t0 = performance.now();
    await anchor.publish(
      payloads,
      payloads.map((_, i) => `${brandId}:${i}`),
    );
    await until(() => received >= THROUGHPUT_N, 60_000);
    const throughput = received / ((performance.now() - t0) / 1000);
    one!.close();

    // B2 anchor: LATENCY_RATE/s to LATENCY_CONSOLES consoles.
    const consoles = await open(LATENCY_CONSOLES);
    const latencies: number[] = [];
    for (const ws of consoles) {
      ws.on('message', (data) => {
        const u = JSON.parse(String(data)) as { sourceCreatedAt: string };
        latencies.push(Date.now() - Date.parse(u.sourceCreatedAt));
      });
    }
    const n = LATENCY_RATE * LATENCY_SECONDS;
    await pace(n, LATENCY_RATE, async (i) => {
      const m = anchorMention(brandId, THROUGHPUT_N + i, new Date().toISOString());
      await anchor.publish([new TextEncoder().encode(JSON.stringify(m))], [`${brandId}:${THROUGHPUT_N + i}`]);
    });
    await until(() => latencies.length >= n * LATENCY_CONSOLES, 30_000);
    for (const ws of consoles) ws.close();
    latencies.sort((a, b) => a - b);

    return { throughput, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    await anchor.stop();
  }
}

const SERVICES = ['ingest', 'routing', 'conversations', 'metrics', 'gateway', 'twitter-sim'] as const;
type Memory = Record<(typeof SERVICES)[number], { idle: number; load: number }>;

/** Peak RSS per service while `during` runs, sampled every 250 ms. */
async function peakRss(stack: TestStack, during: Promise<unknown>): Promise<Record<string, number>> {
  const peak: Record<string, number> = {};
  const sample = () => {
    for (const s of SERVICES) peak[s] = Math.max(peak[s] ?? 0, stack.rssMb(s) ?? 0);
  };
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    sample();
    await sleep(250);
  }
  sample();
  await during;

  return peak;
}

async function roostRun(): Promise<{
  throughput: number;
  p50: number;
  p99: number;
  lost: number;
  doubled: number;
  memory: Memory;
}> {
  const p = await startPlatform({ pollIntervalMs: 5000, logLevel: 'warn' });
  try {
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    const gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
    const token = await gql.login('supervisor@acme.example');
    const sim = p.stack.url('twitter-sim');
    // Tweets are injected in small batches (POST /sim/tweets/batch) so the driver's HTTP cost does
    // not dominate; the anchor likewise publishes straight into JetStream.
    const BATCH = 10;
    const inject = (b: number, prefix = 'bench'): Promise<void> =>
      injectTweets(sim, benchBatch(b, prefix, BATCH));
    const subscription = `subscription { queueUpdated { conversationId reason sourceCreatedAt } }`;
    type Ev = { queueUpdated: { conversationId: string; reason: string; sourceCreatedAt: string | null } };

    // Warm-up to steady state: on brand-new tables PostgreSQL caches each connection's foreign-key
    // check plan while the table is empty, and keeps walking a brand-wide index until autovacuum's
    // ANALYZE (within a minute in a running install) invalidates it. Measure the steady state.
    await pace(WARMUP / BATCH, Infinity, (b) => inject(b, 'warm'));
    await sleep(3000);
    await p.pg.query('ANALYZE');
    await sleep(500);

    // B1: one console, as fast as the platform goes.
    const idle = Object.fromEntries(SERVICES.map((s) => [s, p.stack.rssMb(s) ?? 0]));
    const one = gql.socket(token);
    const sub = collect<Ev>(one, subscription);
    await sleep(500);
    const t0 = performance.now();
    const load = await peakRss(
      p.stack,
      (async () => {
        await pace(THROUGHPUT_N / BATCH, Infinity, inject);
        await until(() => sub.events.length >= THROUGHPUT_N, 120_000);
      })(),
    );
    const throughput = sub.events.length / ((performance.now() - t0) / 1000);
    const ids = new Set(sub.events.map((e) => e.queueUpdated.conversationId));
    const lost = Math.max(0, THROUGHPUT_N - ids.size);
    const doubled = sub.events.length - ids.size;
    sub.dispose();
    await one.dispose();

    // B2: LATENCY_RATE/s to LATENCY_CONSOLES consoles.
    const sockets = Array.from({ length: LATENCY_CONSOLES }, () => gql.socket(token));
    const latencies: number[] = [];
    const subs = sockets.map((s) =>
      s.subscribe<Ev>(
        { query: subscription },
        {
          next: (v) => {
            const at = v.data?.queueUpdated.sourceCreatedAt;
            if (at) latencies.push(Date.now() - Date.parse(at));
          },
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    );
    await sleep(1500);
    const n = LATENCY_RATE * LATENCY_SECONDS;
    await pace(n / BATCH, LATENCY_RATE / BATCH, (b) => inject(THROUGHPUT_N / BATCH + b));
    await until(() => latencies.length >= n * LATENCY_CONSOLES, 60_000);
    for (const d of subs) d();
    await Promise.all(sockets.map((s) => s.dispose()));
    latencies.sort((a, b) => a - b);

    const memory = Object.fromEntries(
      SERVICES.map((s) => [s, { idle: idle[s] ?? 0, load: load[s] ?? 0 }]),
    ) as Memory;

    return {
      throughput,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      lost,
      doubled,
      memory,
    };
  } finally {
    await p.stop();
  }
}

async function main(): Promise<void> {
  const anchor = await anchorRun();
  const roost = await roostRun();
  report({ name: 'anchor.mentions_per_s', value: Math.round(anchor.throughput), unit: 'mentions/s' });
  report({
    name: 'B1.e2e.mentions_per_s',
    value: Math.round(roost.throughput),
    unit: 'mentions/s',
    baseline: Math.round(anchor.throughput),
    ratio: ratio(roost.throughput, anchor.throughput, true),
    target: '>= 0.40',
    lost: roost.lost,
    doubled: roost.doubled,
  });
  report({ name: 'anchor.p50_ms', value: anchor.p50, unit: 'ms' });
  report({ name: 'anchor.p99_ms', value: anchor.p99, unit: 'ms' });
  report({
    name: 'B2.e2e.p50_ms',
    value: roost.p50,
    unit: 'ms',
    baseline: anchor.p50,
    ratio: ratio(roost.p50, anchor.p50, false),
  });
  report({
    name: 'B2.e2e.p99_ms',
    value: roost.p99,
    unit: 'ms',
    baseline: anchor.p99,
    ratio: ratio(roost.p99, anchor.p99, false),
    target: '<= 3x anchor and <= 250 ms',
    rate: LATENCY_RATE,
    consoles: LATENCY_CONSOLES,
  });
  // B8: each service < 200 MB idle and < 400 MB under B1 load; the whole stack < 1.5 GB (PostgreSQL and NATS not counted).
  for (const s of SERVICES) {
    const m = roost.memory[s];
    report({
      name: `B8.${s}.rss_mb`,
      value: m.idle,
      unit: 'MB idle',
      load: m.load,
      target: '< 200 idle, < 400 under load',
    });
  }
  const total = SERVICES.reduce((sum, s) => sum + roost.memory[s].load, 0);
  report({
    name: 'B8.stack.rss_mb',
    value: Math.round(total),
    unit: 'MB under load (sum of peaks)',
    target: '< 1500',
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
