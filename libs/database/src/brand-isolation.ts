import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Tenant isolation in the database (RELIABILITY.md, "PostgreSQL and tenants"): TypeORM has no
 * global tenant filter, so a query that forgets `brand_id = $1` would read every brand. Tables
 * under brand isolation have a row-level security policy, forced on their owner too, that only
 * lets a transaction see and write rows of the brand it declared with `set_config('app.brand_id',
 * …, true)` (transaction-local: a session-level SET would leak to the next user of a pooled
 * connection). Services log in as `roost_app` (app-login.ts), a role that owns nothing, is not a
 * superuser (superusers bypass every policy) and is a member of no role, so `SET ROLE NONE` or
 * `RESET ROLE` leave it what it is; migrations run as the owner on their own connection.
 */
export const APP_ROLE = 'roost_app';
const BRAND_SETTING = 'app.brand_id';
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The current brand of the transaction, null when none was declared (then no row is visible). */
const CURRENT_BRAND = `NULLIF(current_setting('${BRAND_SETTING}', true), '')::uuid`;

/**
 * A table under brand isolation: its name when the brand is its `brand_id` column, or the column
 * that holds the brand (e.g. `{ table: 'brands', brandColumn: 'id' }`).
 */
export type IsolatedTable = string | { table: string; brandColumn: string };

function isolated(t: IsolatedTable): { table: string; column: string } {
  const { table, column } =
    typeof t === 'string' ? { table: t, column: 'brand_id' } : { table: t.table, column: t.brandColumn };
  if (!TABLE_NAME.test(table) || !TABLE_NAME.test(column)) {
    throw new Error(`invalid table or column name ${table}.${column}`);
  }

  return { table, column };
}

/**
 * For a migration: creates the app role when missing, grants it the schema and the tables' rows,
 * and puts each table under a policy on its brand column.
 */
export async function enableBrandIsolation(q: QueryRunner, tables: readonly IsolatedTable[]): Promise<void> {
  const named = tables.map(isolated);
  // Created once per cluster (needs CREATEROLE) when the bring-up (ensureAppLogin) has not yet;
  // concurrent first starts may race, the loser's duplicate is ignored. A login without a password
  // (trust auth on development machines; production sets one, docs/running.md). The migrating
  // owner becomes a member of it (never the reverse), so that a test or tool connected as the owner
  // may act as the app role with `-c role=…`; the services log in as it instead.
  await q.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      BEGIN CREATE ROLE ${APP_ROLE} LOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
    END IF;
    IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
      EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
    END IF;
  END $$`);
  await q.query(
    `DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', current_schema()); END $$`,
  );
  for (const { table: t, column } of named) {
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY brand_isolation ON ${t} USING (${column} = ${CURRENT_BRAND}) WITH CHECK (${column} = ${CURRENT_BRAND})`,
    );
    // The owner (whoever migrates) keeps its rows: FORCE binds it too, and the owner-run
    // SECURITY DEFINER functions that answer cross-brand lookups (brand ids only) run as it. A
    // superuser bypasses policies anyway; a production owner usually is not one. The services
    // never act as the owner: they connect as APP_ROLE.
    await q.query(`CREATE POLICY owner_maintenance ON ${t} TO CURRENT_USER USING (true) WITH CHECK (true)`);
  }
}

export async function disableBrandIsolation(q: QueryRunner, tables: readonly IsolatedTable[]): Promise<void> {
  for (const { table: t } of tables.map(isolated)) {
    await q.query(`DROP POLICY IF EXISTS owner_maintenance ON ${t}`);
    await q.query(`DROP POLICY IF EXISTS brand_isolation ON ${t}`);
    await q.query(`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON ${t} FROM ${APP_ROLE}`);
  }
}

/**
 * An owner-run lookup for cross-brand work (login by e-mail, relays listing the brands with work):
 * `SECURITY DEFINER`, so it reads as the owner; it should answer brand ids or a yes/no, never rows,
 * and only the app role may call it. `body` is SQL (`$1`… for the arguments).
 */
export interface OwnerLookup {
  /** Name and argument types, e.g. `routing_login_brand(text)`. */
  signature: string;
  returns: string;
  body: string;
}

export async function createOwnerLookups(q: QueryRunner, lookups: readonly OwnerLookup[]): Promise<void> {
  for (const f of lookups) {
    await q.query(`CREATE FUNCTION ${f.signature} RETURNS ${f.returns}
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$${f.body}$fn$`);
    await q.query(`REVOKE ALL ON FUNCTION ${f.signature} FROM PUBLIC`);
    await q.query(
      `DO $$ BEGIN EXECUTE format('GRANT EXECUTE ON FUNCTION %I.${f.signature} TO ${APP_ROLE}', current_schema()); END $$`,
    );
  }
}

export async function dropOwnerLookups(q: QueryRunner, lookups: readonly OwnerLookup[]): Promise<void> {
  for (const f of lookups) await q.query(`DROP FUNCTION ${f.signature}`);
}

/** Declares the brand for the rest of the transaction (statements after it see only its rows). */
export async function useBrand(tx: EntityManager | QueryRunner, brandId: string): Promise<void> {
  await tx.query(`SELECT set_config('${BRAND_SETTING}', $1, true)`, [brandId]);
}

/** A transaction scoped to one brand. */
export function withBrand<T>(
  ds: DataSource,
  brandId: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return ds.transaction(async (tx) => {
    await useBrand(tx, brandId);

    return work(tx);
  });
}
