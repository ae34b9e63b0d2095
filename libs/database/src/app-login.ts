import type { DataSource } from 'typeorm';
import { APP_ROLE } from './brand-isolation';

/**
 * The bring-up of the services' login, run by the owner before migrations (service start,
 * `npm run migrate`): creates `roost_app` as a LOGIN role when missing, with the password of the
 * app URL if it carries one, and turns an older NOLOGIN `roost_app` (created by migrations before
 * the services logged in as it) into a login. An existing login's password is left alone: in
 * production the operator (or docker-compose's init) owns it. Needs CREATEROLE only when there is
 * something to do. A login named otherwise in DATABASE_APP_URL is the operator's to create
 * (`GRANT roost_app TO <login>`). `appRole`: tests only.
 */
export async function ensureAppLogin(
  owner: DataSource,
  appUrl: string,
  appRole: string = APP_ROLE,
): Promise<void> {
  const u = new URL(appUrl);
  if (decodeURIComponent(u.username) !== appRole) return;
  const password = u.password === '' ? null : decodeURIComponent(u.password);
  const [role] = (await owner.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, [
    appRole,
  ])) as Array<{ rolcanlogin: boolean }>;
  if (role?.rolcanlogin) return;
  // Role names and passwords cannot be bind parameters: the server quotes them (format %I, %L).
  const [{ sql }] = (await owner.query(
    role
      ? `SELECT format('ALTER ROLE %I LOGIN', $1::text) AS sql`
      : `SELECT format('CREATE ROLE %I LOGIN NOINHERIT' || CASE WHEN $2::text IS NULL THEN '' ELSE ' PASSWORD %L' END, $1::text, $2::text) AS sql`,
    role ? [appRole] : [appRole, password],
  )) as Array<{ sql: string }>;
  try {
    await owner.query(sql);
  } catch (err) {
    // Another replica starting at the same moment created it first.
    if (!/already exists/.test((err as Error).message)) throw err;
  }
}

interface LoginPowers {
  login: string;
  superuser: boolean;
  bypassrls: boolean;
  createrole: boolean;
  replication: boolean;
  owner: boolean;
}

/**
 * Refuses a runtime pool that could step around row-level security: a login that is (or may
 * become, by SET ROLE) a superuser, a role with BYPASSRLS, CREATEROLE (which may grant itself a
 * non-superuser owner) or REPLICATION (a replication stream carries every row), or the owner of
 * the schema or of one of its tables (FORCE binds an owner, but an owner may turn it off).
 * Checked on the session user, which is what `SET ROLE NONE` / `RESET ROLE` return to.
 */
export async function assertAppLogin(ds: DataSource): Promise<void> {
  const [p] = (await ds.query(`
    SELECT session_user::text AS login,
      EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolsuper AND pg_has_role(session_user, r.oid, 'MEMBER')) AS superuser,
      EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolbypassrls AND pg_has_role(session_user, r.oid, 'MEMBER')) AS bypassrls,
      EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolcreaterole AND pg_has_role(session_user, r.oid, 'MEMBER')) AS createrole,
      EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolreplication AND pg_has_role(session_user, r.oid, 'MEMBER')) AS replication,
      EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = current_schema() AND pg_has_role(session_user, n.nspowner, 'MEMBER'))
        OR EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = current_schema() AND pg_has_role(session_user, c.relowner, 'MEMBER')) AS owner`)) as LoginPowers[];
  const powers = [
    p.superuser && 'is or may become a superuser',
    p.bypassrls && 'may bypass row-level security',
    p.createrole && 'may create roles and grant memberships',
    p.replication && 'may stream replication',
    p.owner && 'owns the schema or its tables',
  ]
    .filter(Boolean)
    .join(', ');
  if (powers !== '') {
    throw new Error(
      `the services' database login "${p.login}" ${powers}: set DATABASE_APP_URL (or DATABASE_URL's host with ROOST_DB_APP_PASSWORD) ` +
        `to the ${APP_ROLE} login; the owner in DATABASE_URL is for migrations only`,
    );
  }
}
