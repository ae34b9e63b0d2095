import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MetricsEnv, RoostEnv } from '@roost/config';
import { MetricsModule } from '../metrics.module';

/** The whole metrics service, initialised (not listening), for tests; `metrics` goes over env.metrics. */
export async function startMetricsApp(
  env: RoostEnv,
  metrics: Partial<MetricsEnv> = {},
): Promise<INestApplication> {
  const withMetrics = Object.freeze({ ...env, metrics: Object.freeze({ ...env.metrics, ...metrics }) });
  const app = await NestFactory.create(MetricsModule.forEnv(withMetrics), { logger: false });
  await app.init();

  return app;
}
