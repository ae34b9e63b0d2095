import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { migrateService } from '@roost/database';
import { runMain } from '@roost/observability';
import { CONVERSATIONS_MIGRATIONS } from './migrations';

runMain(async () => {
  const applied = await migrateService(readRoostEnv(), 'conversations', CONVERSATIONS_MIGRATIONS);
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'conversations', msg: 'migrated', applied })}\n`,
  );
});
