import { DataSource, type MigrationInterface } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema this service owns (ARCHITECTURE.md: one schema per service). */
  schema: string;
  migrations: Array<new () => MigrationInterface>;
  poolSize?: number;
  applicationName: string;
  /**
   * For tests and tools only: the role an owner's connections act as (`-c role=…` at connect).
   * Never for a service: `SET ROLE NONE` undoes it and gives the owner back (the services log in
   * as APP_ROLE, `openServiceDatabase`). Migrations refuse a data source with a role.
   */
  role?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One TypeORM data source per service schema. `synchronize` is never on; migrations are explicit
 * classes run at start (under a lock) and by `npm run migrate`. The connection's search_path is
 * the service schema, so repositories and migrations write unqualified table names and a test
 * can run the same code in a throw-away schema.
 */
export function createServiceDataSource(opts: ServiceDataSourceOptions): DataSource {
  if (!SCHEMA_NAME.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`);

  return new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrations: opts.migrations,
    entities: [],
    applicationName: opts.applicationName,
    extra: {
      max: opts.poolSize ?? 10,
      options: `-c search_path=${opts.schema},public${opts.role ? ` -c role=${opts.role}` : ''}`,
      connectionTimeoutMillis: 5000,
      statement_timeout: 30_000,
    },
  });
}

/**
 * Creates the schema and applies pending migrations, holding an advisory lock so that replicas
 * starting together migrate once.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const schema = (ds.options as { schema: string }).schema;
  if (/-c role=/.test(String((ds.options.extra as { options?: string } | undefined)?.options ?? ''))) {
    throw new Error(
      'migrate with the owner data source (createServiceDataSource without `role`), not the app role',
    );
  }
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query(`SELECT pg_advisory_lock(hashtext($1))`, [`roost:migrate:${schema}`]);
    await qr.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });

    return applied.map((m) => m.name);
  } finally {
    await qr
      .query(`SELECT pg_advisory_unlock(hashtext($1))`, [`roost:migrate:${schema}`])
      .catch(() => undefined);
    await qr.release();
  }
}

/** `setting`: the variable that names this URL, for the error (DATABASE_URL, DATABASE_APP_URL). */
export async function initialize(ds: DataSource, setting = 'DATABASE_URL'): Promise<DataSource> {
  if (!ds.isInitialized) {
    try {
      await ds.initialize();
    } catch (err) {
      const url = (ds.options as { url?: string }).url ?? '';
      throw new Error(
        `cannot reach PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//***@')} (${(err as Error).message}); ` +
          `start PostgreSQL or set ${setting}`,
      );
    }
  }

  return ds;
}
