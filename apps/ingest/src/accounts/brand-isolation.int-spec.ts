import { Logger } from '@nestjs/common';
import { DEMO, readRoostEnv } from '@roost/config';
import { APP_ROLE, createServiceDataSource, initialize, migrate, withBrand } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { ApiSpendRepository } from '../data/api-spend.repository';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import { CaseLimitsRepository } from '../data/case-limits.repository';
import { seedDemo } from '../data/demo-seed';
import { ListeningAdminRepository } from '../data/listening-admin.repository';
import { INGEST_MIGRATIONS } from '../migrations';
import { BrandDirectory } from './brand-directory';

/**
 * Row-level security on every ingest table (RELIABILITY.md "PostgreSQL and tenants"): as the app
 * role, a query that forgets its brand filter still sees only the declared brand's rows; the
 * cross-brand loads (listening directory, budget) still reach every brand.
 */
describe('brand isolation in PostgreSQL (ingest)', () => {
  // The services it builds by hand log through Nest's default logger: keep CI's output to errors.
  beforeAll(() => Logger.overrideLogger(['error']));
  const env = testEnv();
  const schema = `${env.schemaPrefix}ingest_rls`;
  // Ingest's default settings (not the shell's INGEST_*), the directory never refreshing on its own.
  const settings = { ...env, ingest: { ...readRoostEnv({}).ingest, directoryRefreshMs: 0 } };
  let owner: DataSource;
  let app: DataSource;
  const [brandA, brandB] = [randomUUID(), randomUUID()].sort();
  /** Each table and the column that holds its brand. */
  const TABLES: Array<[string, string]> = [
    ['brands', 'id'],
    ['accounts', 'brand_id'],
    ['listening_rules', 'brand_id'],
    ['source_cursors', 'brand_id'],
    ['api_spend', 'brand_id'],
    ['case_from_tweet_hits', 'brand_id'],
  ];

  beforeAll(async () => {
    const opts = {
      url: env.databaseUrl,
      schema,
      migrations: INGEST_MIGRATIONS,
      applicationName: 'ingest-rls-test',
    };
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
    // Both brands written through the service's own code, as the app role.
    const admin = new ListeningAdminRepository(app);
    const repo = new BrandAccountsRepository(app);
    const budget = new XBudgetService(
      settings,
      new ApiSpendRepository(app),
      new IngestMetrics(new Registry()),
    );
    for (const [brandId, handle] of [
      [brandA, 'alpha'],
      [brandB, 'bravo'],
    ]) {
      await admin.addAccount({
        brandId,
        handle,
        role: 'care',
        apiTier: 'pro',
        pollMentions: true,
        pollDms: false,
        brandName: handle,
      });
      await admin.addRule({ brandId, kind: 'keyword', value: handle, language: null });
      await repo.advanceCursor(brandId, 'mentions', 'acct', '100');
      budget.record({ brandId, source: 'mentions', items: brandId === brandA ? 3 : 5 });
      await new CaseLimitsRepository(app).take({ brandId, actorId: randomUUID(), perActor: 5, perBrand: 5 });
    }
    await budget.flush();
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  it('shows a transaction only the rows of the brand it declared, even without a brand filter', async () => {
    for (const [t, col] of TABLES) {
      const all: Array<{ b: string }> = await owner.query(`SELECT DISTINCT ${col} AS b FROM ${t} ORDER BY 1`);
      expect(all.map((r) => r.b)).toEqual([brandA, brandB]);
      expect(await withBrand(app, brandA, (tx) => tx.query(`SELECT DISTINCT ${col} AS b FROM ${t}`))).toEqual(
        [{ b: brandA }],
      );
      // No brand declared: nothing at all.
      expect(await app.query(`SELECT count(*)::int AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    }
  });

  it('refuses to write a row of another brand than the declared one', async () => {
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(
          `INSERT INTO accounts (brand_id, id, handle, role) VALUES ($1, gen_random_uuid(), 'intruder', 'care')`,
          [brandB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO brands (id, name) VALUES ($1, 'x')`, [randomUUID()]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`UPDATE source_cursors SET since_id = '999' WHERE brand_id = $1`, [brandB]),
      ),
    ).resolves.toEqual([[], 0]);
    const [ruleOfB] = await owner.query(`SELECT id FROM listening_rules WHERE brand_id = $1`, [brandB]);
    await expect(
      withBrand(app, brandA, (tx) => tx.query(`DELETE FROM listening_rules WHERE brand_id = $1`, [brandB])),
    ).resolves.toEqual([[], 0]);
    // The management RPCs name the brand: another brand's rule is not found through them either.
    expect(await new ListeningAdminRepository(app).removeRule(brandA, ruleOfB.id)).toBe(false);
    expect(await owner.query(`SELECT since_id FROM source_cursors WHERE brand_id = $1`, [brandB])).toEqual([
      { since_id: '100' },
    ]);
    expect(
      await owner.query(`SELECT count(*)::int AS n FROM listening_rules WHERE brand_id = $1`, [brandB]),
    ).toEqual([{ n: 1 }]);
  });

  it('loads every brand into the listening directory, each through its own rows', async () => {
    const directory = new BrandDirectory(new BrandAccountsRepository(app), settings);
    await directory.refresh();
    const brands = directory.all().map((b) => ({
      brandId: b.brandId,
      handles: b.accounts.map((a) => a.handle),
      rules: b.rules.map((r) => r.value),
    }));
    expect(brands).toEqual([
      { brandId: brandA, handles: ['alpha'], rules: ['alpha'] },
      { brandId: brandB, handles: ['bravo'], rules: ['bravo'] },
    ]);
    // A change through the listening RPCs re-reads only its brand, as that brand.
    const admin = new ListeningAdminRepository(app);
    const rule = await admin.addRule({
      brandId: brandB,
      kind: 'hashtag',
      value: 'bravocares',
      language: null,
    });
    await directory.refreshBrand(brandB);
    expect(directory.get(brandB)?.rules.map((r) => r.value)).toEqual(['bravocares', 'bravo']);
    expect(directory.get(brandA)?.rules.map((r) => r.value)).toEqual(['alpha']);
    await admin.removeRule(brandB, rule.id);
    await directory.refreshBrand(brandB);
    expect(directory.get(brandB)?.rules.map((r) => r.value)).toEqual(['bravo']);
    expect(directory.all().map((b) => b.brandId)).toEqual([brandA, brandB]);
  });

  it('loads every brand’s spend of the month at start, and adds a later flush to it', async () => {
    const budget = new XBudgetService(
      settings,
      new ApiSpendRepository(app),
      new IngestMetrics(new Registry()),
    );
    await budget.onApplicationBootstrap();
    try {
      expect(budget.budget.brands().sort()).toEqual([brandA, brandB]);
      expect(budget.budget.state(brandA).spent).toBe(3);
      expect(budget.budget.state(brandB).spent).toBe(5);
      budget.record({ brandId: brandB, source: 'dm', calls: 0, items: 1 });
      budget.record({ brandId: brandA, source: 'mentions', calls: 0, items: 1 });
      await budget.flush();
    } finally {
      await budget.onModuleDestroy();
    }
    const rows = await owner.query(
      `SELECT brand_id, sum(credits)::int AS credits FROM api_spend GROUP BY brand_id ORDER BY 1`,
    );
    expect(rows).toEqual([
      { brand_id: brandA, credits: 4 },
      { brand_id: brandB, credits: 7 },
    ]);
  });

  it('lets the app role list brand ids only through the owner-run functions, and nobody else', async () => {
    expect(await app.query(`SELECT listening_brands() AS b`)).toEqual([{ b: brandA }, { b: brandB }]);
    const grants: Array<{ fn: string; public: boolean; app: boolean }> = await owner.query(
      `SELECT p.proname AS fn, has_function_privilege('public', p.oid, 'EXECUTE') AS public, has_function_privilege($1, p.oid, 'EXECUTE') AS app
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $2 ORDER BY 1`,
      [APP_ROLE, schema],
    );
    expect(grants).toEqual([
      { fn: 'api_spend_brands', public: false, app: true },
      { fn: 'listening_brands', public: false, app: true },
    ]);
  });

  it('seeds the demo brand as that brand, idempotently', async () => {
    await seedDemo(app);
    await seedDemo(app);
    expect(
      await owner.query(`SELECT DISTINCT brand_id FROM accounts WHERE brand_id = $1`, [DEMO.brandId]),
    ).toEqual([{ brand_id: DEMO.brandId }]);
    expect(
      await owner.query(`SELECT count(*)::int AS n FROM listening_rules WHERE brand_id = $1`, [DEMO.brandId]),
    ).toEqual([{ n: 9 }]);
  });
});
