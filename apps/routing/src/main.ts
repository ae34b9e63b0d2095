import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { RoutingAppModule } from './routing.module';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({ module: RoutingAppModule.forEnv(env), port: env.ports.routing, host: env.host });
});
