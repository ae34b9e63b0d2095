import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { bootstrapService, runMain } from '@roost/observability';
import { ConversationsAppModule } from './conversations.module';

runMain(async () => {
  const env = readRoostEnv();
  await bootstrapService({
    module: ConversationsAppModule.forEnv(env),
    port: env.ports.conversations,
    host: env.host,
  });
});
