import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { IngestModule } from './ingest.module';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({ module: IngestModule.forEnv(env), port: env.ports.ingest, host: env.host });
});
