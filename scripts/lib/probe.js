'use strict';
const net = require('node:net');

const PROBE_TIMEOUT_MS = 2000;

/** 'open' | 'refused' | 'unreachable' | 'timeout' for a plain TCP connect. */
function tcpProbe({ host, port, timeoutMs = PROBE_TIMEOUT_MS }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('open'));
    socket.once('error', (err) => done(err.code === 'ECONNREFUSED' ? 'refused' : 'unreachable'));
  });
}

function pgClient(parsed, database) {
  const { Client } = require('pg');
  return new Client({
    host: parsed.host,
    port: parsed.port,
    user: parsed.user,
    password: parsed.password,
    database,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  });
}

/**
 * What answers at the DATABASE_URL: { kind: 'ok' | 'no-database' | 'rejected' | 'absent' |
 * 'unreachable' | 'not-postgres', detail }.
 */
async function probePostgres(parsed) {
  const tcp = await tcpProbe({ host: parsed.host, port: parsed.port });
  if (tcp === 'refused') return { kind: 'absent', detail: 'connection refused' };
  if (tcp === 'unreachable') {
    return { kind: 'unreachable', detail: `cannot reach ${parsed.host}:${parsed.port}` };
  }
  const client = pgClient(parsed, parsed.database);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { kind: 'ok' };
  } catch (err) {
    const code = err && err.code;
    if (code === '3D000') return { kind: 'no-database', detail: err.message };
    // A five-character SQLSTATE means a real PostgreSQL answered and said no (auth, too many clients…).
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { kind: 'rejected', detail: `${code} ${err.message}` };
    }
    return { kind: 'not-postgres', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** CREATE DATABASE when missing; tolerates a concurrent creator (42P04). */
async function ensureDatabase(parsed) {
  for (const maintenanceDb of ['postgres', 'template1']) {
    const client = pgClient(parsed, maintenanceDb);
    client.on('error', () => undefined);
    try {
      await client.connect();
      const found = await client.query('select 1 from pg_database where datname = $1', [parsed.database]);
      if (found.rowCount > 0) return false;
      await client.query(`create database ${client.escapeIdentifier(parsed.database)}`);
      return true;
    } catch (err) {
      if (err && err.code === '42P04') return false;
      if (err && err.code === '3D000') continue;
      throw new Error(
        `cannot create database "${parsed.database}": ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(
    `cannot create database "${parsed.database}": neither "postgres" nor "template1" is reachable`,
  );
}

/**
 * The services' runtime login (docs/running.md, "Two database credentials"): creates `roost_app`
 * (LOGIN NOINHERIT, `password` when given) when missing, turns a NOLOGIN one into a login, leaves
 * an existing login's password alone. The same rule as libs/database/src/app-login.ts, which the
 * services' migrate step runs too. Returns 'exists' | 'created' | 'login-enabled' | { skipped: why }
 * (an owner without CREATEROLE: the services then say what is missing).
 */
async function ensureAppLogin(parsed, { role = 'roost_app', password = '' } = {}) {
  const client = pgClient(parsed, parsed.database);
  client.on('error', () => undefined);
  try {
    await client.connect();
    const found = await client.query('select rolcanlogin from pg_roles where rolname = $1', [role]);
    if (found.rowCount > 0 && found.rows[0].rolcanlogin) return 'exists';
    const name = client.escapeIdentifier(role);
    if (found.rowCount > 0) {
      await client.query(`alter role ${name} login`);
      return 'login-enabled';
    }
    await client.query(
      `create role ${name} login noinherit${password ? ` password ${client.escapeLiteral(password)}` : ''}`,
    );
    return 'created';
  } catch (err) {
    if (err && err.code === '42710') return 'exists'; // created by a service starting at the same moment
    return { skipped: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reads a NATS server's INFO line: { kind: 'nats', info } | { kind: 'absent' | 'unreachable' | 'not-nats', detail }. */
function probeNats({ host, port, timeoutMs = PROBE_TIMEOUT_MS }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      done({ kind: 'not-nats', detail: `no INFO line within ${timeoutMs} ms` }),
    );
    socket.once('error', (err) =>
      done(
        err.code === 'ECONNREFUSED'
          ? { kind: 'absent', detail: 'connection refused' }
          : { kind: 'unreachable', detail: err.message },
      ),
    );
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end === -1 && buffer.length < 64 * 1024) return;
      const match = /^INFO\s+(\{.*\})\s*$/.exec(buffer.slice(0, end === -1 ? undefined : end));
      if (!match) return done({ kind: 'not-nats', detail: `unexpected greeting "${buffer.slice(0, 40)}"` });
      try {
        done({ kind: 'nats', info: JSON.parse(match[1]) });
      } catch {
        done({ kind: 'not-nats', detail: 'INFO line is not JSON' });
      }
    });
    socket.once('end', () => done({ kind: 'not-nats', detail: 'closed without an INFO line' }));
  });
}

/**
 * True when JetStream is usable. INFO says "jetstream": true when it is on; when the field is
 * absent (it is omitted when false, and some servers never send it) ask the JetStream API itself.
 */
async function confirmJetStream({ servers, info }) {
  if (info && info.jetstream === true) return { ok: true };
  const { connect } = require('@nats-io/transport-node');
  const { jetstreamManager } = require('@nats-io/jetstream');
  let nc;
  try {
    nc = await connect({ servers, timeout: PROBE_TIMEOUT_MS, maxReconnectAttempts: 0 });
    const jsm = await jetstreamManager(nc, { timeout: PROBE_TIMEOUT_MS });
    await jsm.getAccountInfo();
    return { ok: true };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    if (nc) await nc.close().catch(() => undefined);
  }
}

module.exports = { tcpProbe, probePostgres, ensureDatabase, ensureAppLogin, probeNats, confirmJetStream };
