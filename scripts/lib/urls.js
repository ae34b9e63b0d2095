'use strict';
// Parsing and rewriting of DATABASE_URL and NATS_SERVERS. Pure: no I/O, so roost.spec.ts covers it.

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/roost';
const DEFAULT_NATS_SERVERS = 'nats://127.0.0.1:4222';
const DEFAULT_DATABASE = 'roost';

/** True for names that mean "this machine": only then may roost.js start a server in its place. */
function isLocalHost(host) {
  const h = String(host || '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return h === '' || h === 'localhost' || h === '::1' || h === '0.0.0.0' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function parseDatabaseUrl(raw) {
  const text = raw && raw.trim() ? raw.trim() : DEFAULT_DATABASE_URL;
  let u;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`DATABASE_URL is not a URL: "${text}" (example: ${DEFAULT_DATABASE_URL})`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(
      `DATABASE_URL must start with postgres:// (got "${u.protocol}//"; example: ${DEFAULT_DATABASE_URL})`,
    );
  }
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || DEFAULT_DATABASE;
  // An empty path means "database named like the user" to libpq; Roost wants `roost`, so make it explicit.
  if (!u.pathname || u.pathname === '/') u.pathname = `/${encodeURIComponent(database)}`;
  return {
    url: u.toString(),
    host,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database,
    isLocal: isLocalHost(host),
  };
}

/** Same URL on another host/port; user, password, database and query are kept. */
function rewriteDatabaseUrl(raw, { host, port }) {
  const u = new URL(parseDatabaseUrl(raw).url);
  if (host !== undefined) u.hostname = host.includes(':') ? `[${host}]` : host;
  if (port !== undefined) u.port = String(port);
  return u.toString();
}

/** The URL for printing: the password is replaced by ***. */
function redactUrl(raw) {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return raw;
  }
}

function parseNatsServers(raw) {
  const text = raw && raw.trim() ? raw : DEFAULT_NATS_SERVERS;
  const servers = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `nats://${s}`;
      let u;
      try {
        u = new URL(withScheme);
      } catch {
        throw new Error(`NATS_SERVERS entry is not a URL: "${s}" (example: ${DEFAULT_NATS_SERVERS})`);
      }
      const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
      return { url: withScheme, host, port: u.port ? Number(u.port) : 4222, isLocal: isLocalHost(host) };
    });
  if (servers.length === 0) throw new Error(`NATS_SERVERS is empty (example: ${DEFAULT_NATS_SERVERS})`);
  return servers;
}

module.exports = {
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_SERVERS,
  isLocalHost,
  parseDatabaseUrl,
  rewriteDatabaseUrl,
  redactUrl,
  parseNatsServers,
};
