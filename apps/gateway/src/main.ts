import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { AppModule } from './app.module';
import { configureGateway } from './configure-gateway';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({
    module: AppModule.forEnv(env),
    port: env.ports.gateway,
    host: env.host,
    configure: configureGateway,
  });
});
