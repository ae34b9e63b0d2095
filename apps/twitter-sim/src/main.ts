import { readTwitterSimEnv } from '@roost/config/twitter-sim';
import { createSimLogger } from './common/sim-logger';
import { startSimRuntime, stopOnSignals } from './sim-runtime';

async function main(): Promise<void> {
  const env = readTwitterSimEnv();
  const logger = createSimLogger(env.logLevel);
  const runtime = await startSimRuntime({ ...env, logger });
  stopOnSignals(runtime.stop, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`twitter-sim failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
