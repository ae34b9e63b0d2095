'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { bringUp } = require('./infra');
const { tsNodeArgs } = require('./tools');
const { say, sayError, seconds } = require('./output');

/** bench/*.bench.ts in name order; with args, only files whose name contains one of them. */
function benchFiles(rootDir, filters) {
  const dir = path.join(rootDir, 'bench');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
    .map((f) => `bench/${f}`);
}

/**
 * `npm run bench [-- <name filter>]`: runs each benchmark with a time limit (BENCH_TIMEOUT_S, 240 s),
 * passing its stdout (one JSON object per line) through and copying the JSON lines to
 * .roost/bench-results.jsonl. A failed benchmark does not stop the others; the run fails at the end.
 */
async function bench({ supervisor, rootDir, args }) {
  const files = benchFiles(rootDir, args);
  if (files.length === 0) {
    say(args.length ? `no bench/*.bench.ts file matches ${args.join(' ')}` : 'no bench/*.bench.ts files yet');
    return args.length ? 1 : 0;
  }
  const limitS = Number(process.env.BENCH_TIMEOUT_S || 240);
  const { env: infraEnv, dirs } = await bringUp({ supervisor, rootDir });
  const results = fs.openSync(path.join(dirs.base, 'bench-results.jsonl'), 'a');
  const failed = [];
  const began = Date.now();
  try {
    for (const file of files) {
      if (supervisor.stopping) break;
      say(`Bench ${file} (limit ${limitS} s)`);
      const start = Date.now();
      let drained = Promise.resolve();
      const run = supervisor.run({
        name: file,
        command: process.execPath,
        args: tsNodeArgs(file),
        cwd: rootDir,
        env: { ...process.env, ...infraEnv },
        stdio: ['ignore', 'pipe', 'inherit'],
        layer: 1,
        graceMs: 5000,
        timeoutMs: limitS * 1000,
        onSpawn: (child) => {
          const rl = readline.createInterface({ input: child.stdout });
          rl.on('line', (line) => {
            process.stdout.write(`${line}\n`);
            if (line.startsWith('{')) fs.writeSync(results, `${line}\n`);
          });
          // 'exit' can come before the last stdout lines: wait for the stream to end too.
          drained = new Promise((resolve) => rl.once('close', resolve));
        },
      });
      const r = await run;
      await drained;
      if (r.code === 0) {
        say(`  ✓ ${file} (${seconds(Date.now() - start)})`);
        continue;
      }
      const why = r.timedOut
        ? `timed out after ${limitS} s (BENCH_TIMEOUT_S)`
        : r.signal
          ? `killed by ${r.signal}`
          : `exit code ${r.code}`;
      failed.push(`${file}: ${why}`);
      if (!supervisor.stopping) sayError(`BENCH FAILED ${file}: ${why}`);
    }
  } finally {
    fs.closeSync(results);
  }
  const total = Date.now() - began;
  say(
    `Benchmarks: ${files.length - failed.length}/${files.length} passed in ${seconds(total)}${total > 300000 ? ' (over the 5-minute target for the whole suite)' : ''}`,
  );
  if (failed.length > 0) {
    sayError(`${failed.length} benchmark(s) failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

module.exports = { bench, benchFiles };
