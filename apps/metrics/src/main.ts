import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { MetricsModule } from './metrics.module';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({ module: MetricsModule.forEnv(env), port: env.ports.metrics, host: env.host });
});
