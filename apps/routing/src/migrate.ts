import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { migrateService } from '@roost/database';
import { runMain } from '@roost/observability';
import { ROUTING_MIGRATIONS } from './migrations';

runMain(async () => {
  const applied = await migrateService(readRoostEnv(), 'routing', ROUTING_MIGRATIONS);
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'routing', msg: 'migrated', applied })}\n`,
  );
});
