import type { RoostEnv } from '@roost/config';
import {
  createServiceDataSource,
  initialize,
  withBrand,
  type ServiceDataSourceOptions,
} from '@roost/database';
import type { DataSource } from 'typeorm';
import type { Queryable } from '../data/queryable';
import { ROUTING_MIGRATIONS } from '../migrations';

/**
 * Routing's schema as its owner, for tests that arrange or check rows of several brands at once:
 * the service connects as the app role under row-level security, where such statements would see
 * and write nothing. Destroy it in afterAll.
 */
export function ownerDataSource(env: Pick<RoostEnv, 'databaseUrl' | 'schemaPrefix'>): Promise<DataSource> {
  return initialize(
    createServiceDataSource({
      url: env.databaseUrl,
      schema: `${env.schemaPrefix}routing`,
      migrations: ROUTING_MIGRATIONS,
      poolSize: 2,
      applicationName: 'routing-test-owner',
    }),
  );
}

/** A data source on routing's migrations in a schema of the test's own (as its owner, or as `role`). */
export function routingSchemaSource(opts: Omit<ServiceDataSourceOptions, 'migrations'>): DataSource {
  return createServiceDataSource({ ...opts, migrations: ROUTING_MIGRATIONS });
}

/** The app's data source as one brand: each statement in its own transaction of that brand. */
export function asBrand(ds: DataSource, brandId: string): Queryable {
  return {
    query: (sql: string, params?: unknown[]) => withBrand(ds, brandId, (tx) => tx.query(sql, params)),
  } as Queryable;
}
