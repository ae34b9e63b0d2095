import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  APP_ROLE,
  disableBrandIsolation,
  enableBrandIsolation,
  useBrand,
  withBrand,
} from './brand-isolation';
import { createServiceDataSource, initialize, migrate } from './data-source';

/** A brand table and a table whose brand is its own id, as services declare them. */
class Tickets1700000000000 implements MigrationInterface {
  name = 'Tickets1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenants (id uuid PRIMARY KEY, name text NOT NULL)`);
    await q.query(
      `CREATE TABLE tickets (brand_id uuid NOT NULL, id int NOT NULL, PRIMARY KEY (brand_id, id))`,
    );
    await enableBrandIsolation(q, [{ table: 'tenants', brandColumn: 'id' }, 'tickets']);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, [{ table: 'tenants', brandColumn: 'id' }, 'tickets']);
    await q.query(`DROP TABLE tickets, tenants`);
  }
}

/**
 * The library's guarantees, once for every service (each service's own
 * `migrations/brand-isolation.int-spec.ts` checks its tables and cross-brand paths).
 */
describe('brand isolation (libs/database)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}db_rls`;
  let owner: DataSource;
  let app: DataSource;
  const [brandA, brandB] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    const opts = {
      url: env.databaseUrl,
      schema,
      migrations: [Tickets1700000000000],
      applicationName: 'db-rls-test',
    };
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    await owner.query(`INSERT INTO tenants (id, name) VALUES ($1, 'alpha'), ($2, 'bravo')`, [brandA, brandB]);
    await owner.query(`INSERT INTO tickets (brand_id, id) VALUES ($1, 1), ($2, 1), ($2, 2)`, [
      brandA,
      brandB,
    ]);
    app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  it('shows a transaction only its declared brand’s rows, and nothing when it declared none', async () => {
    expect(await withBrand(app, brandB, (tx) => tx.query(`SELECT id FROM tickets ORDER BY id`))).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(await withBrand(app, brandA, (tx) => tx.query(`SELECT name FROM tenants`))).toEqual([
      { name: 'alpha' },
    ]);
    expect(await app.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual([{ n: 0 }]);
  });

  it('refuses to write another brand’s rows', async () => {
    await expect(
      withBrand(app, brandA, (tx) => tx.query(`INSERT INTO tickets (brand_id, id) VALUES ($1, 9)`, [brandB])),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) => tx.query(`DELETE FROM tickets WHERE brand_id = $1`, [brandB])),
    ).resolves.toEqual([[], 0]);
    expect(await owner.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual([{ n: 3 }]);
  });

  it('keeps the declared brand inside its transaction: a pooled connection forgets it', async () => {
    const qr = app.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await useBrand(qr, brandB);
      expect(await qr.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual([{ n: 2 }]);
      // A batch spanning brands declares each in turn.
      await useBrand(qr, brandA);
      expect(await qr.query(`SELECT brand_id FROM tickets`)).toEqual([{ brand_id: brandA }]);
      await qr.commitTransaction();
      expect(await qr.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual([{ n: 0 }]);
    } finally {
      await qr.release();
    }
  });

  it('gives the app role rows only: it owns nothing and bypasses nothing', async () => {
    const [role] = await owner.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [
      APP_ROLE,
    ]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(
      withBrand(app, brandA, (tx) => tx.query(`ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY`)),
    ).rejects.toThrow(/owner/);
  });
});
