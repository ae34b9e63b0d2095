import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RoostEnv } from '@roost/config';
import type { MetricsEnv } from '../common/metrics-env';
import { MetricsModule } from '../metrics.module';

/** The whole metrics service, initialised (not listening), for tests. */
export async function startMetricsApp(env: RoostEnv, metrics: MetricsEnv): Promise<INestApplication> {
  const app = await NestFactory.create(MetricsModule.forEnv(env, metrics), { logger: false });
  await app.init();

  return app;
}
