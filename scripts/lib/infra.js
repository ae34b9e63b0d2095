'use strict';
// The bring-up shared by start, test, migrate and bench: use the PostgreSQL and NATS that answer,
// start local ones when they do not, or say exactly what is missing. Never waits without a deadline.

const path = require('node:path');
const fs = require('node:fs');
const { parseDatabaseUrl, rewriteDatabaseUrl, redactUrl, parseNatsServers } = require('./urls');
const { pickPort, isPortFree } = require('./ports');
const { probePostgres, ensureDatabase, ensureAppLogin, probeNats, confirmJetStream } = require('./probe');
const { natsMissingMessage, postgresMissingMessage } = require('./messages');
const { startEmbeddedPostgres } = require('./embedded-postgres');
const { findOnPath, startNatsServer } = require('./nats-server');
const { say, printTail, seconds } = require('./output');

/** An error whose message is the whole story for the user (no stack trace). */
function userError(message) {
  const e = new Error(message);
  e.userFacing = true;
  return e;
}

function roostDirs(rootDir) {
  const base = path.join(rootDir, '.roost');
  const dirs = {
    base,
    logs: path.join(base, 'logs'),
    pg: process.env.ROOST_PG_DIR || path.join(base, 'pg'),
    nats: path.join(base, 'nats'),
  };
  fs.mkdirSync(dirs.logs, { recursive: true });
  return dirs;
}

async function bringUpPostgres({ supervisor, dirs, databaseUrl }) {
  const parsed = parseDatabaseUrl(databaseUrl);
  const probe = await probePostgres(parsed);
  if (probe.kind === 'ok' || probe.kind === 'no-database') {
    const created = probe.kind === 'no-database' && (await ensureDatabase(parsed));
    say(
      `  PostgreSQL  ${redactUrl(parsed.url)}  (already running${created ? `; created database "${parsed.database}"` : ''})`,
    );
    return parsed.url;
  }
  if (probe.kind === 'rejected') {
    throw userError(postgresMissingMessage({ url: parsed.url, reason: 'rejected', detail: probe.detail }));
  }
  if (!parsed.isLocal) {
    throw userError(postgresMissingMessage({ url: parsed.url, reason: 'remote', detail: probe.detail }));
  }

  // Something that is not PostgreSQL may hold the port: then the next free one, and the URL follows.
  const listenHost = parsed.host === '::1' ? '::1' : '127.0.0.1';
  const port = await pickPort({ preferred: parsed.port, isFree: (p) => isPortFree(p, listenHost) });
  const why =
    probe.kind === 'absent'
      ? 'nothing listens there'
      : `port ${parsed.port} is held by something else: ${probe.detail}`;
  say(
    `  PostgreSQL  not reachable at ${redactUrl(parsed.url)} (${why}); starting an embedded one on ${listenHost}:${port}`,
  );
  const logFile = path.join(dirs.logs, 'postgres.log');
  let started;
  try {
    started = await startEmbeddedPostgres({
      supervisor,
      parsed,
      port,
      dataDir: dirs.pg,
      logFile,
      listenHost,
    });
  } catch (err) {
    if (err.reason === 'start-failed' && !err.noTail) printTail({ name: 'postgres', file: logFile });
    throw userError(
      postgresMissingMessage({ url: parsed.url, reason: err.reason || 'start-failed', detail: err.message }),
    );
  }
  const url = rewriteDatabaseUrl(parsed.url, { host: listenHost, port });
  const created = await ensureDatabase(parseDatabaseUrl(url));
  say(
    `  PostgreSQL  ${redactUrl(url)}  (embedded, up in ${seconds(started.startedMs)}, data in ${path.relative(process.cwd(), dirs.pg) || dirs.pg}${created ? `, created database "${parsed.database}"` : ''})`,
  );
  return url;
}

async function bringUpNats({ supervisor, dirs, natsServers }) {
  const servers = parseNatsServers(natsServers);
  const urls = servers.map((s) => s.url);
  const why = [];
  for (const server of servers) {
    const probe = await probeNats(server);
    if (probe.kind !== 'nats') {
      why.push(
        probe.kind === 'absent'
          ? 'nothing listens there'
          : `${server.host}:${server.port} is held by something else: ${probe.detail}`,
      );
      continue;
    }
    const js = await confirmJetStream({ servers: urls, info: probe.info });
    if (!js.ok) {
      throw userError(natsMissingMessage({ servers: urls, reason: 'no-jetstream', detail: js.detail }));
    }
    say(
      `  NATS        ${urls.map(redactUrl).join(',')}  (already running, JetStream on, server ${probe.info.version || '?'})`,
    );
    return urls.join(',');
  }
  if (servers.some((s) => !s.isLocal)) {
    throw userError(natsMissingMessage({ servers: urls, reason: 'remote' }));
  }
  const bin = findOnPath('nats-server');
  if (!bin) throw userError(natsMissingMessage({ servers: urls, reason: 'no-binary' }));
  const port = await pickPort({ preferred: servers[0].port });
  say(
    `  NATS        not reachable at ${urls.map(redactUrl).join(',')} (${why.join('; ')}); starting ${bin} -js on 127.0.0.1:${port}`,
  );
  const logFile = path.join(dirs.logs, 'nats-server.log');
  let started;
  try {
    started = await startNatsServer({ supervisor, bin, port, storeDir: dirs.nats, logFile });
  } catch (err) {
    printTail({ name: 'nats-server', file: logFile });
    throw userError(natsMissingMessage({ servers: urls, reason: 'start-failed', detail: err.message }));
  }
  const url = `nats://127.0.0.1:${port}`;
  say(
    `  NATS        ${url}  (started nats-server with JetStream in ${seconds(started.startedMs)}, store in ${path.relative(process.cwd(), dirs.nats)})`,
  );
  return url;
}

/**
 * The login the services' pools use (roost_app), created by the owner in DATABASE_URL when
 * missing. A DATABASE_APP_URL naming another login is the operator's to create.
 */
async function bringUpAppLogin({ databaseUrl, env }) {
  if (env.DATABASE_APP_URL && !/^postgres(ql)?:\/\/roost_app[:@]/.test(env.DATABASE_APP_URL)) return;
  const password = env.DATABASE_APP_URL
    ? decodeURIComponent(new URL(env.DATABASE_APP_URL).password)
    : env.ROOST_DB_APP_PASSWORD || '';
  const r = await ensureAppLogin(parseDatabaseUrl(databaseUrl), { password });
  if (r === 'created') {
    say(
      '  PostgreSQL  created login roost_app for the services (docs/running.md, "Two database credentials")',
    );
  } else if (r === 'login-enabled') {
    say('  PostgreSQL  roost_app may now log in (the services no longer connect as the owner)');
  } else if (typeof r === 'object') {
    say(
      `  PostgreSQL  could not create login roost_app (${r.skipped}); the services' migrate step will try again`,
    );
  }
}

/**
 * Makes PostgreSQL (with the target database and the services' login) and NATS JetStream
 * available; returns the env the children must use ({ DATABASE_URL, NATS_SERVERS }) and the
 * folders under .roost/.
 */
async function bringUp({ supervisor, rootDir, env = process.env }) {
  const dirs = roostDirs(rootDir);
  say('Infrastructure:');
  const DATABASE_URL = await bringUpPostgres({ supervisor, dirs, databaseUrl: env.DATABASE_URL });
  await bringUpAppLogin({ databaseUrl: DATABASE_URL, env });
  const NATS_SERVERS = await bringUpNats({ supervisor, dirs, natsServers: env.NATS_SERVERS });
  return { env: { DATABASE_URL, NATS_SERVERS }, dirs };
}

module.exports = { bringUp, userError, roostDirs };
