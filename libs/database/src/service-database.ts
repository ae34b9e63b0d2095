import type { Logger } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import type { DataSource, MigrationInterface } from 'typeorm';
import { assertAppLogin, ensureAppLogin } from './app-login';
import { createServiceDataSource, initialize, migrate } from './data-source';

export interface ServiceDatabaseOptions {
  env: Pick<RoostEnv, 'databaseUrl' | 'databaseAppUrl' | 'databaseMigrateOnStart' | 'schemaPrefix'>;
  service: string;
  migrations: Array<new () => MigrationInterface>;
  poolSize?: number;
  log?: Pick<Logger, 'log'>;
}

/**
 * A service's runtime pool under brand isolation, with two credentials (RELIABILITY.md, "PostgreSQL
 * and tenants"): the owner (DATABASE_URL) migrates on a short-lived two-connection pool (one holds
 * the lock, the other runs the migrations), destroyed before the service serves anything; the
 * runtime pool then logs in as the app role (DATABASE_APP_URL), so no statement the service sends,
 * `SET ROLE NONE` included, can act as the owner. With DATABASE_MIGRATE_ON_START=false the
 * service never opens an owner connection (migrations are a separate `npm run migrate` step) and
 * may be deployed without the owner's password.
 */
export async function openServiceDatabase(opts: ServiceDatabaseOptions): Promise<DataSource> {
  const base = { schema: `${opts.env.schemaPrefix}${opts.service}`, migrations: opts.migrations };
  if (opts.env.databaseMigrateOnStart) {
    const owner = await initialize(
      createServiceDataSource({
        ...base,
        url: opts.env.databaseUrl,
        poolSize: 2,
        applicationName: `roost-${opts.service}-migrate`,
      }),
    );
    try {
      await ensureAppLogin(owner, opts.env.databaseAppUrl);
      const applied = await migrate(owner);
      if (applied.length > 0) opts.log?.log({ applied }, 'migrations applied');
    } finally {
      await owner.destroy();
    }
  }
  const ds = await initialize(
    createServiceDataSource({
      ...base,
      url: opts.env.databaseAppUrl,
      poolSize: opts.poolSize,
      applicationName: `roost-${opts.service}`,
    }),
    'DATABASE_APP_URL (or ROOST_DB_APP_PASSWORD)',
  );
  try {
    await assertAppLogin(ds);
  } catch (err) {
    await ds.destroy();
    throw err;
  }

  return ds;
}
