import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { migrateService } from '@roost/database';
import { runMain } from '@roost/observability';
import { METRICS_MIGRATIONS } from './migrations';

runMain(async () => {
  const applied = await migrateService(readRoostEnv(), 'metrics', METRICS_MIGRATIONS);
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'metrics', msg: 'migrated', applied })}\n`,
  );
});
