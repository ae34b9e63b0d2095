import type { RoostEnv } from '@roost/config';
import type { MigrationInterface } from 'typeorm';
import { createServiceDataSource, initialize, migrate } from './data-source';

/** `apps/<svc>/src/migrate.ts`: apply the service's migrations to its schema and exit. */
export async function migrateService(
  env: RoostEnv,
  service: string,
  migrations: Array<new () => MigrationInterface>,
): Promise<string[]> {
  const ds = await initialize(
    createServiceDataSource({
      url: env.databaseUrl,
      schema: `${env.schemaPrefix}${service}`,
      migrations,
      applicationName: `roost-${service}-migrate`,
    }),
  );
  try {
    return await migrate(ds);
  } finally {
    await ds.destroy();
  }
}
