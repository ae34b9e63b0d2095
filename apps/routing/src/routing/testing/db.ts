import type { RoostEnv } from '@roost/config';
import { createServiceDataSource, initialize, withBrand } from '@roost/database';
import type { DataSource } from 'typeorm';
import { ROUTING_MIGRATIONS } from '../../migrations';
import type { Queryable } from '../brand-state.loader';

/**
 * Routing's schema as its owner, for tests that arrange or check rows of several brands at once:
 * the service connects as the app role under row-level security, where such statements would see
 * and write nothing. Destroy it in afterAll.
 */
export function ownerDataSource(env: Pick<RoostEnv, 'databaseUrl' | 'schemaPrefix'>): Promise<DataSource> {
  return initialize(
    createServiceDataSource({
      url: env.databaseUrl, schema: `${env.schemaPrefix}routing`, migrations: ROUTING_MIGRATIONS, poolSize: 2, applicationName: 'routing-test-owner',
    }),
  );
}

/** The app's data source as one brand: each statement in its own transaction of that brand. */
export function asBrand(ds: DataSource, brandId: string): Queryable {
  return { query: (sql: string, params?: unknown[]) => withBrand(ds, brandId, (tx) => tx.query(sql, params)) } as Queryable;
}
