import { cleanupNamespace, testEnv } from '@roost/testing';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, initialize } from './data-source';
import { unisolatedBrandTables } from './rls-audit';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Tables of the service schemas that hold no brand rows, each with the reason. Every other table
 * must be a brand table (a `brand_id` column, or `brands`) under forced row-level security.
 */
const NOT_BRAND_DATA: Record<string, string> = {
  migrations: 'TypeORM’s record of applied migrations: names and timestamps',
  x_account_ids: 'conversations: public X handle → X user id cache, no brand data (outside RLS by design)',
};

/** Brand tables deliberately outside row-level security, each with the reason (none today). */
const UNISOLATED_BY_DESIGN: Record<string, string> = {};

/**
 * Every service's migrations, run the way `npm run migrate` runs them (apps/<svc>/src/migrate.ts,
 * the services found on disk, not listed here), then the catalogue (pg_class, pg_attribute,
 * pg_policy) says which tables hold brand rows and whether each is under brand isolation.
 */
describe('row-level security on every brand table, from the catalogue', () => {
  const env = testEnv();
  const services = readdirSync(resolve(REPO_ROOT, 'apps')).filter((s) =>
    existsSync(resolve(REPO_ROOT, 'apps', s, 'src/migrate.ts')),
  );
  const schemas = services.map((s) => `${env.schemaPrefix}${s}`);
  let owner: DataSource;

  beforeAll(async () => {
    await Promise.all(
      services.map((s) =>
        promisify(execFile)(process.execPath, ['-r', '@swc-node/register', `apps/${s}/src/migrate.ts`], {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            NODE_ENV: 'test',
            LOG_LEVEL: 'silent',
            DATABASE_URL: env.databaseUrl,
            ROOST_SCHEMA_PREFIX: env.schemaPrefix,
          },
        }),
      ),
    );
    owner = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema: `${env.schemaPrefix}audit`,
        migrations: [],
        poolSize: 1,
        applicationName: 'rls-catalogue-test',
      }),
    );
  });

  afterAll(async () => {
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  it('finds the four services with brand data and their migrated schemas', async () => {
    expect(services).toEqual(expect.arrayContaining(['conversations', 'ingest', 'metrics', 'routing']));
    const found = await owner.query(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY 1`, [
      schemas,
    ]);
    expect(found.map((r: { nspname: string }) => r.nspname)).toEqual([...schemas].sort());
  });

  it('has row-level security enabled, forced and with a policy on every brand table', async () => {
    const gaps = (await unisolatedBrandTables(owner, schemas)).filter(
      (t) => !(t.table in UNISOLATED_BY_DESIGN),
    );
    expect(gaps).toEqual([]);
  });

  it('knows why every table without a brand column holds no brand data', async () => {
    const tables = (await owner.query(
      `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND c.relname <> 'brands'
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'brand_id' AND NOT a.attisdropped)`,
      [schemas],
    )) as Array<{ table: string }>;
    expect(tables.filter((t) => !(t.table in NOT_BRAND_DATA))).toEqual([]);
    // And no stale exception: each one listed is still there.
    expect([...new Set(tables.map((t) => t.table))].sort()).toEqual(Object.keys(NOT_BRAND_DATA).sort());
  });

  it('catches a new brand table that forgets isolation, and one isolated half way', async () => {
    const [schema] = schemas;
    await owner.query(`CREATE TABLE "${schema}".forgotten (brand_id uuid NOT NULL, note text)`);
    await owner.query(`CREATE TABLE "${schema}".half_done (brand_id uuid NOT NULL)`);
    await owner.query(`ALTER TABLE "${schema}".half_done ENABLE ROW LEVEL SECURITY`);
    try {
      expect(await unisolatedBrandTables(owner, schemas)).toEqual([
        { schema, table: 'forgotten', missing: ['row level security', 'force row level security', 'policy'] },
        { schema, table: 'half_done', missing: ['force row level security', 'policy'] },
      ]);
    } finally {
      await owner.query(`DROP TABLE "${schema}".forgotten, "${schema}".half_done`);
    }
  });
});
