import { startXSim } from '@roost/x-sim';
import type { XSim } from '@roost/x-sim';
import type { Logger } from 'pino';
import templates from './traffic/traffic-templates.json';
import { TrafficComposer } from './traffic/traffic-composer';
import { TrafficGenerator } from './traffic/traffic-generator';

export interface SimRuntime {
  sim: XSim;
  generator: TrafficGenerator;
  stop: () => Promise<void>;
}

/** A seeded sim plus its traffic generator: what main.ts and the CLI both start. */
export async function startSimRuntime(params: {
  port: number;
  host: string;
  heartbeatMs: number;
  complianceProcessingMs?: number;
  trafficRate: number;
  seed: number;
  logger: Logger;
}): Promise<SimRuntime> {
  const sim = await startXSim({
    port: params.port,
    host: params.host,
    heartbeatMs: params.heartbeatMs,
    complianceProcessingMs: params.complianceProcessingMs ?? 0,
    seedBrands: true,
    logger: params.logger,
  });
  const generator = new TrafficGenerator(sim, new TrafficComposer(templates, params.seed), params.logger);
  generator.start(params.trafficRate);
  params.logger.info(
    { url: sim.url, trafficRate: params.trafficRate, seed: params.seed },
    'twitter-sim listening',
  );

  return {
    sim,
    generator,
    stop: async () => {
      generator.stop();
      await sim.close();
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  const handler = (signal: string) => {
    logger.info({ signal }, 'twitter-sim stopping');
    stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'twitter-sim failed to stop cleanly');
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
