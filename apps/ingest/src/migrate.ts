import 'reflect-metadata';
import { readRoostEnv } from '@roost/config';
import { migrateService } from '@roost/database';
import { runMain } from '@roost/observability';
import { INGEST_MIGRATIONS } from './migrations';

runMain(async () => {
  const applied = await migrateService(readRoostEnv(), 'ingest', INGEST_MIGRATIONS);
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'ingest', msg: 'migrated', applied })}\n`);
});
