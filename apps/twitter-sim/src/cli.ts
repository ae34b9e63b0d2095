import { parseArgs } from 'node:util';
import { readTwcsFile } from '@roost/twcs';
import type { TwcsRow } from '@roost/twcs';
import { readTwitterSimEnv } from '@roost/config/twitter-sim';
import { createSimLogger } from './common/sim-logger';
import { TwcsReplayer } from './replay/twcs-replayer';
import { HttpSimSink, InProcessSink } from './replay/tweet-sink';
import type { TweetSink } from './replay/tweet-sink';
import { startSimRuntime, stopOnSignals } from './sim-runtime';

const USAGE = `usage: npm run sim -- [--port N] [--host H] [--rate R] [--seed S] [--replay FILE --speed N] [--target URL]
  --rate R      generated tweets per second (default SIM_TRAFFIC_RATE or 1; 0 = off)
  --replay FILE replay a twcs-format CSV (customers become @c<author_id>, brands keep their handle)
  --speed N     replay speed: original gaps divided by N (default 1; 0 = as fast as possible)
  --target URL  send to an already running sim through POST /sim/tweets instead of starting one`;

function number(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(`--${name} must be a number >= 0, got "${raw}"\n${USAGE}`);
  }

  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      replay: { type: 'string' },
      speed: { type: 'string' },
      target: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);

    return;
  }
  const env = readTwitterSimEnv();
  const logger = createSimLogger(env.logLevel);
  const speed = number('speed', values.speed, 1);
  const replayFile = values.replay;

  if (values.target) {
    if (!replayFile) {
      throw new Error(`--target needs --replay FILE\n${USAGE}`);
    }
    const result = await new TwcsReplayer(new HttpSimSink(values.target), { speed, logger }).replay(
      await loadRows(replayFile),
    );
    process.exitCode = result.failed > 0 && result.posted === 0 ? 1 : 0;

    return;
  }

  const runtime = await startSimRuntime({
    port: number('port', values.port, env.port),
    host: values.host ?? env.host,
    heartbeatMs: env.heartbeatMs,
    complianceProcessingMs: env.complianceProcessingMs,
    trafficRate: number('rate', values.rate, replayFile ? 0 : env.trafficRate),
    seed: number('seed', values.seed, env.seed),
    logger,
  });
  stopOnSignals(runtime.stop, logger);
  if (replayFile) {
    const sink: TweetSink = new InProcessSink(runtime.sim);
    await new TwcsReplayer(sink, { speed, logger }).replay(await loadRows(replayFile));
    logger.info({ url: runtime.sim.url }, 'replay done; sim keeps serving until Ctrl-C');
  }
}

async function loadRows(path: string): Promise<TwcsRow[]> {
  const rows: TwcsRow[] = [];
  for await (const row of readTwcsFile(path)) {
    rows.push(row);
  }

  return rows;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
