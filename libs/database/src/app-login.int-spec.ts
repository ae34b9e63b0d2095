import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RoostConfigModule } from '@roost/config';
import { ObservabilityModule } from '@roost/observability';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { APP_ROLE, disableBrandIsolation, enableBrandIsolation, withBrand } from './brand-isolation';
import { createServiceDataSource, initialize } from './data-source';
import { DatabaseModule } from './database.module';
import { ensureAppLogin } from './app-login';
import { openServiceDatabase } from './service-database';

class Tickets1700000000000 implements MigrationInterface {
  name = 'Tickets1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE tickets (brand_id uuid NOT NULL, id int NOT NULL, PRIMARY KEY (brand_id, id))`,
    );
    await enableBrandIsolation(q, ['tickets']);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, ['tickets']);
    await q.query(`DROP TABLE tickets`);
  }
}

/**
 * A service's runtime pool, built exactly as a service builds it (DatabaseModule with brand
 * isolation), cannot step around row-level security: it logs in as the app role, so undoing a
 * role switch gives nothing back, and it cannot become the owner or a superuser.
 */
describe('the services’ database login (libs/database)', () => {
  const env = testEnv();
  const service = 'db_login';
  const schema = `${env.schemaPrefix}${service}`;
  const [brandA, brandB] = [randomUUID(), randomUUID()];
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    @Module({
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service, logLevel: 'silent' }),
        DatabaseModule.forRoot({ service, migrations: [Tickets1700000000000], brandIsolation: true }),
      ],
    })
    class ServiceLike {}
    ctx = await NestFactory.createApplicationContext(ServiceLike, { logger: false });
    ds = ctx.get(DataSource);
    owner = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema,
        migrations: [],
        poolSize: 1,
        applicationName: 'db-login-test-owner',
      }),
    );
    await owner.query(`INSERT INTO tickets (brand_id, id) VALUES ($1, 1), ($2, 1), ($2, 2)`, [
      brandA,
      brandB,
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  /** Runs statements on one connection of the service's pool, as an injected query would. */
  async function onOneConnection<T>(work: (qr: QueryRunner) => Promise<T>): Promise<T> {
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      return await work(qr);
    } finally {
      await qr.query('RESET ROLE').catch(() => undefined);
      await qr.release();
    }
  }

  it('logs in as the app role itself, not as the owner acting as it', async () => {
    expect(await ds.query(`SELECT session_user::text AS login, current_user::text AS acting`)).toEqual([
      { login: APP_ROLE, acting: APP_ROLE },
    ]);
  });

  it('SET ROLE NONE and RESET ROLE leave it under row-level security: no other brand’s rows', async () => {
    for (const undo of ['SET ROLE NONE', 'RESET ROLE', 'SET SESSION AUTHORIZATION DEFAULT']) {
      await onOneConnection(async (qr) => {
        await qr.query(undo);
        expect(await qr.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual([{ n: 0 }]);
      });
      // Inside a brand's transaction too: only that brand, whatever the role statements.
      const seen = await withBrand(ds, brandA, async (tx) => {
        await tx.query(undo === 'SET SESSION AUTHORIZATION DEFAULT' ? undo : `SET LOCAL ROLE NONE`);

        return tx.query(`SELECT brand_id FROM tickets`);
      });
      expect(seen).toEqual([{ brand_id: brandA }]);
    }
  });

  it('cannot become the owner or a superuser', async () => {
    const [{ owner: schemaOwner }] = await owner.query(
      `SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = $1`,
      [schema],
    );
    for (const become of [
      `SET ROLE ${schemaOwner}`,
      'SET ROLE postgres',
      `SET SESSION AUTHORIZATION ${schemaOwner}`,
    ]) {
      await onOneConnection(async (qr) => {
        await expect(qr.query(become)).rejects.toThrow(/permission denied/);
      });
    }
    await onOneConnection(async (qr) => {
      await expect(qr.query(`ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY`)).rejects.toThrow(/owner/);
      await expect(qr.query(`DROP POLICY brand_isolation ON tickets`)).rejects.toThrow(/owner/);
    });
  });

  it('refuses to start a service whose runtime login is the owner', async () => {
    await expect(
      openServiceDatabase({
        env: { ...env, databaseAppUrl: env.databaseUrl },
        service,
        migrations: [Tickets1700000000000],
      }),
    ).rejects.toThrow(/superuser|owns the schema/);
    // A login that may create roles could grant itself a non-superuser owner.
    const creator = `${env.ns}_creator`;
    await owner.query(`CREATE ROLE ${creator} LOGIN CREATEROLE`);
    try {
      const url = new URL(env.databaseUrl);
      url.username = creator;
      await expect(
        openServiceDatabase({
          env: { ...env, databaseAppUrl: url.toString(), databaseMigrateOnStart: false },
          service,
          migrations: [],
        }),
      ).rejects.toThrow(/may create roles/);
    } finally {
      await owner.query(`DROP ROLE ${creator}`);
    }
  });

  it('with DATABASE_MIGRATE_ON_START=false opens no owner connection at all', async () => {
    const unreachableOwner = 'postgres://postgres@127.0.0.1:1/roost';
    const app = await openServiceDatabase({
      env: { ...env, databaseUrl: unreachableOwner, databaseMigrateOnStart: false },
      service,
      migrations: [Tickets1700000000000],
    });
    try {
      expect(await app.query(`SELECT session_user::text AS login`)).toEqual([{ login: APP_ROLE }]);
    } finally {
      await app.destroy();
    }
  });

  it('bring-up: creates the login when missing (with the URL’s password), turns a NOLOGIN one into a login, skips other logins', async () => {
    const role = `${env.ns}_login`;
    const url = (password: string) =>
      `postgres://${role}${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1/roost`;
    const state = async () =>
      (
        await owner.query(
          `SELECT rolcanlogin AS login, rolinherit AS inherit, rolpassword IS NOT NULL AS password FROM pg_authid WHERE rolname = $1`,
          [role],
        )
      )[0];
    try {
      await ensureAppLogin(owner, url("it's secret"), role);
      expect(await state()).toEqual({ login: true, inherit: false, password: true });
      await owner.query(`ALTER ROLE ${role} NOLOGIN PASSWORD NULL`);
      await ensureAppLogin(owner, url(''), role);
      expect(await state()).toEqual({ login: true, inherit: false, password: false });
      await owner.query(`DROP ROLE ${role}`);
      await ensureAppLogin(owner, 'postgres://someone_else@127.0.0.1/roost', role);
      expect(await state()).toBeUndefined();
    } finally {
      await owner.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });
});
