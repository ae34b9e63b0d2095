/**
 * Where a mention's cost goes: runs the whole platform in its own namespace, injects N mentions
 * through twitter-sim, and prints per-process CPU seconds (from /proc) and PostgreSQL work per
 * mention (pg_stat_database / pg_stat_user_tables / pg_stat_user_indexes deltas).
 *   node -r @swc-node/register bench/tools/stage-profile.ts [N]
 * Add ROOST_STACK_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for CPU profiles of each service.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startPlatform } from '../../e2e/e2e-env';
import { injectTweets } from '../lib/sim-inject';

const N = Number(process.argv[2] ?? 4000);

const SERVICES = ['twitter-sim', 'ingest', 'routing', 'conversations', 'metrics', 'gateway'] as const;

function ticks(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];

    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0; // the process ended
  }
}

/**
 * CPU seconds of this stack's own services (by pid, so other stacks running tests beside it are
 * not counted) and of PostgreSQL and NATS as a whole (shared: exact only on a quiet machine).
 */
function cpuSeconds(stack: { pid(service: (typeof SERVICES)[number]): number | null }): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of SERVICES) {
    const pid = stack.pid(s);
    if (pid !== null) out.set(s, ticks(pid));
  }
  const lines = execSync(`ps -eo pid,args`).toString().trim().split('\n').slice(1);
  for (const line of lines) {
    const [pid, ...rest] = line.trim().split(/\s+/);
    const args = rest.join(' ');
    const name = /postgres/.test(args) ? 'postgres (all)' : /nats-server/.test(args) ? 'nats (all)' : null;
    if (name) out.set(name, (out.get(name) ?? 0) + ticks(Number(pid)));
  }

  return out;
}

async function main(): Promise<void> {
  const p = await startPlatform({ pollIntervalMs: 60_000, logLevel: 'warn' });
  try {
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    const sim = p.stack.url('twitter-sim');
    const inject = async (prefix: string, from: number, count: number) => {
      for (let i = from; i < from + count; i += 10) {
        await injectTweets(
          sim,
          Array.from({ length: 10 }, (_, k) => ({
            text: `@acmecares order ${i + k} is late`,
            authorHandle: `${prefix}_${i + k}`,
          })),
        );
      }
    };
    const stored = async () =>
      Number(
        (await p.pg.query(`SELECT count(*) AS n FROM "${p.schema('conversations')}".messages`)).rows[0]?.n ??
          0,
      );
    // Steady state: see bench/pipeline.bench.ts on cached foreign-key plans of fresh tables.
    await inject('warm', 0, 500);
    while ((await stored()) < 500) await new Promise((r) => setTimeout(r, 200));
    await p.pg.query('ANALYZE');
    const db = async () =>
      (
        await p.pg
          .query(`SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated,
        tup_fetched::bigint AS fetched FROM pg_stat_database WHERE datname = current_database()`)
      ).rows[0] as Record<string, string>;
    const tables = async () =>
      new Map(
        (
          await p.pg.query(
            `SELECT schemaname || '.' || relname AS t, n_tup_ins::bigint AS ins, n_tup_upd::bigint AS upd, n_tup_del::bigint AS del
             FROM pg_stat_user_tables WHERE schemaname LIKE $1`,
            [`${p.env.schemaPrefix}%`],
          )
        ).rows.map(
          (r: Record<string, string>) => [r.t, [Number(r.ins), Number(r.upd), Number(r.del)]] as const,
        ),
      );
    const cpu0 = cpuSeconds(p.stack);
    const db0 = await db();
    const t0s = await tables();
    const t0 = Date.now();
    await Promise.all([0, 1, 2, 3].map((w) => inject(`st${w}`, 0, N / 4)));
    while ((await stored()) < 500 + N) await new Promise((r) => setTimeout(r, 100));
    const seconds = (Date.now() - t0) / 1000;
    const cpu1 = cpuSeconds(p.stack);
    await new Promise((r) => setTimeout(r, 600));
    const db1 = await db();
    process.stdout.write(`${N} mentions stored in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)\n`);
    // Batches per stage: count and mean time of every *_batch_seconds histogram (whole run, warm-up included).
    for (const service of ['ingest', 'routing', 'conversations', 'metrics'] as const) {
      const text = await (await fetch(`${p.stack.url(service)}/metrics`)).text();
      const sums = new Map<string, { sum: number; count: number }>();
      for (const m of text.matchAll(/^(roost_\w+_batch_seconds)_(sum|count)(\{[^}]*\})? ([\d.e+-]+)$/gm)) {
        const key = `${m[1]}${m[3] ?? ''}`;
        const e = sums.get(key) ?? { sum: 0, count: 0 };
        e[m[2] as 'sum' | 'count'] = Number(m[4]);
        sums.set(key, e);
      }
      for (const [k, e] of sums) {
        process.stdout.write(
          `batches ${service.padEnd(13)} ${k.padEnd(70)} n ${e.count} mean ${((e.sum / Math.max(1, e.count)) * 1000).toFixed(1)} ms\n`,
        );
      }
    }
    for (const [name, t] of cpu1) {
      process.stdout.write(`cpu ${name.padEnd(14)} ${(t - (cpu0.get(name) ?? 0)).toFixed(2)} s\n`);
    }
    for (const k of Object.keys(db1)) {
      process.stdout.write(
        `db ${k.padEnd(9)} ${((Number(db1[k]) - Number(db0[k])) / N).toFixed(2)} per mention\n`,
      );
    }
    const t1s = await tables();
    for (const [t, v] of t1s) {
      const before = t0s.get(t) ?? [0, 0, 0];
      const d = v.map((x, i) => (x - (before[i] ?? 0)) / N);
      if (d.some((x) => x > 0.01)) {
        process.stdout.write(
          `table ${t.replace(p.env.schemaPrefix, '').padEnd(40)} ins ${d[0]!.toFixed(2)} upd ${d[1]!.toFixed(2)} del ${d[2]!.toFixed(2)}\n`,
        );
      }
    }
    const idx = await p.pg.query(
      `SELECT schemaname, relname, indexrelname, idx_scan, idx_tup_read FROM pg_stat_user_indexes
       WHERE schemaname LIKE $1 ORDER BY idx_tup_read DESC LIMIT 5`,
      [`${p.env.schemaPrefix}%`],
    );
    for (const r of idx.rows) {
      process.stdout.write(`index ${r.indexrelname} scans ${r.idx_scan} rows read ${r.idx_tup_read}\n`);
    }
  } finally {
    await p.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
