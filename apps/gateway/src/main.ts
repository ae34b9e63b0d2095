import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { GatewayModule } from './gateway.module';
import { configureGateway } from './transport/configure-gateway';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({
    module: GatewayModule.forEnv(env),
    port: env.ports.gateway,
    host: env.host,
    configure: configureGateway,
  });
});
