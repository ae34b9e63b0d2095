import type { RoostEnv } from '@roost/config';
import type { MigrationInterface } from 'typeorm';
import { ensureAppLogin } from './app-login';
import { createServiceDataSource, initialize, migrate } from './data-source';

/**
 * `apps/<svc>/src/migrate.ts`: as the owner (DATABASE_URL), make sure the services' login exists,
 * apply the service's migrations to its schema and exit.
 */
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
    await ensureAppLogin(ds, env.databaseAppUrl);

    return await migrate(ds);
  } finally {
    await ds.destroy();
  }
}
