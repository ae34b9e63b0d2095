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

const N = Number(process.argv[2] ?? 4000);

function cpuSeconds(): Map<string, number> {
  const out = new Map<string, number>();
  const lines = execSync(`ps -eo pid,args`).toString().trim().split('\n').slice(1);
  for (const line of lines) {
    const [pid, ...rest] = line.trim().split(/\s+/);
    const args = rest.join(' ');
    const name = /apps\/([a-z-]+)\/src\/main/.exec(args)?.[1] ?? (/postgres/.test(args) ? 'postgres' : /nats-server/.test(args) ? 'nats' : null);
    if (!name) continue;
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(name, (out.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the process ended between ps and the read
    }
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
        const tweets = Array.from({ length: 10 }, (_, k) => ({ text: `@acmecares order ${i + k} is late`, authorHandle: `${prefix}_${i + k}` }));
        const res = await fetch(`${sim}/sim/tweets/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tweets }) });
        await res.text();
      }
    };
    const stored = async () =>
      Number((await p.pg.query(`SELECT count(*) AS n FROM "${p.schema('conversations')}".messages`)).rows[0]?.n ?? 0);
    // Steady state: see bench/pipeline.bench.ts on cached foreign-key plans of fresh tables.
    await inject('warm', 0, 500);
    while ((await stored()) < 500) await new Promise((r) => setTimeout(r, 200));
    await p.pg.query('ANALYZE');
    const db = async () =>
      (await p.pg.query(`SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated,
        tup_fetched::bigint AS fetched FROM pg_stat_database WHERE datname = current_database()`)).rows[0] as Record<string, string>;
    const cpu0 = cpuSeconds();
    const db0 = await db();
    const t0 = Date.now();
    await Promise.all([0, 1, 2, 3].map((w) => inject(`st${w}`, 0, N / 4)));
    while ((await stored()) < 500 + N) await new Promise((r) => setTimeout(r, 100));
    const seconds = (Date.now() - t0) / 1000;
    const cpu1 = cpuSeconds();
    await new Promise((r) => setTimeout(r, 600));
    const db1 = await db();
    process.stdout.write(`${N} mentions stored in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)\n`);
    for (const [name, t] of cpu1) process.stdout.write(`cpu ${name.padEnd(14)} ${(t - (cpu0.get(name) ?? 0)).toFixed(2)} s\n`);
    for (const k of Object.keys(db1)) {
      process.stdout.write(`db ${k.padEnd(9)} ${((Number(db1[k]) - Number(db0[k])) / N).toFixed(2)} per mention\n`);
    }
    const idx = await p.pg.query(
      `SELECT schemaname, relname, indexrelname, idx_scan, idx_tup_read FROM pg_stat_user_indexes
       WHERE schemaname LIKE $1 ORDER BY idx_tup_read DESC LIMIT 5`,
      [`${p.env.schemaPrefix}%`],
    );
    for (const r of idx.rows) process.stdout.write(`index ${r.indexrelname} scans ${r.idx_scan} rows read ${r.idx_tup_read}\n`);
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
