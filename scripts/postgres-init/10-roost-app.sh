#!/bin/sh
# docker-compose's PostgreSQL init (/docker-entrypoint-initdb.d, first start of an empty volume):
# the services' runtime login, roost_app: LOGIN, not a superuser, owning nothing, a member of no
# role (docs/running.md, "Two database credentials"). The services' migrations (run as the owner,
# DATABASE_URL) create it too when it is missing, without a password; this sets the password from
# ROOST_DB_APP_PASSWORD, which the services send in their DATABASE_APP_URL.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="${ROOST_DB_APP_PASSWORD:-}" <<'SQL'
SELECT format('CREATE ROLE roost_app LOGIN NOINHERIT PASSWORD %L', NULLIF(:'pw', ''))
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'roost_app') \gexec
SQL
