#!/usr/bin/env node
'use strict';
// Roost's two commands and their plumbing: `npm start`, `npm test`, `npm run migrate`, `npm run bench`.
// Plain CommonJS so it starts instantly, without a TypeScript loader. See docs/running.md.

/**
 * Every service `npm start` runs, in start order. `gate`: wait until it is ready before starting the
 * rest; `simulator`: not started when the real X API is used; `migrations`: has apps/<name>/src/migrate.ts.
 */
const SERVICES = [
  { name: 'twitter-sim', portEnv: 'TWITTER_SIM_PORT', port: 4100, gate: true, simulator: true },
  { name: 'ingest', portEnv: 'INGEST_PORT', port: 4201, migrations: true },
  { name: 'routing', portEnv: 'ROUTING_PORT', port: 4202, migrations: true },
  { name: 'conversations', portEnv: 'CONVERSATIONS_PORT', port: 4203, migrations: true },
  { name: 'metrics', portEnv: 'METRICS_PORT', port: 4204, migrations: true },
  { name: 'gateway', portEnv: 'GATEWAY_PORT', port: 4000 },
];

const path = require('node:path');
const { Supervisor } = require('./lib/supervisor');
const { findLeftovers, stopLeftovers } = require('./lib/leftovers');
const { say, sayError } = require('./lib/output');

const ROOT = path.resolve(__dirname, '..');

const COMMANDS = {
  start: () => require('./lib/cmd-start').start,
  test: () => require('./lib/cmd-test').test,
  migrate: () => require('./lib/cmd-migrate').migrate,
  bench: () => require('./lib/cmd-bench').bench,
  stop: () => stopLeftoverProcesses,
};

const MIGRATED = SERVICES.filter((s) => s.migrations).map((s) => s.name);
const USAGE = `usage: node scripts/roost.js <command> [args]
  start [--no-traffic]   bring up PostgreSQL + NATS if needed, then every service (npm start)
  test [jest args]       typecheck + format + lint, bring-up, jest (npm test -- libs/classify)
  migrate                run apps/<svc>/src/migrate.ts for ${MIGRATED.join(', ')}
  bench [filter]         run bench/*.bench.ts one by one (BENCH_TIMEOUT_S each, default 240)
  stop                   stop what an earlier roost run left running (it was killed before it could)
See docs/running.md for every environment variable.`;

/** `stop`: ends the processes recorded in .roost/run by a roost.js that was killed (and only those). */
async function stopLeftoverProcesses({ rootDir }) {
  const list = findLeftovers(rootDir);
  if (list.length === 0) {
    say('nothing left running by an earlier roost run');
    return 0;
  }
  say(`stopping ${list.map((l) => `${l.name} (pid ${l.pid})`).join(', ')}`);
  await stopLeftovers(list);
  return 0;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return process.exit(command ? 0 : 2);
  }
  const load = COMMANDS[command];
  if (!load) {
    sayError(`unknown command "${command}"\n${USAGE}`);
    return process.exit(2);
  }
  process.chdir(ROOT);
  const left = command === 'stop' ? [] : findLeftovers(ROOT);
  if (left.length > 0) {
    sayError(
      `still running from an earlier roost run that was killed: ${left.map((l) => `${l.name} (pid ${l.pid})`).join(', ')}\n` +
        '       stop them with: node scripts/roost.js stop',
    );
  }
  const supervisor = new Supervisor({ rootDir: ROOT });
  supervisor.installSignalHandlers();
  // A closed pipe (`npm start | head`) must not kill roost.js before it stops its children.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const crash = (err) => {
    sayError(`internal error: ${err instanceof Error ? err.stack || err.message : String(err)}`);
    void supervisor.stopAll().then(() => process.exit(1));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  let code;
  try {
    code = await load()({ supervisor, rootDir: ROOT, args, services: SERVICES });
  } catch (err) {
    code = 1;
    if (!supervisor.stopping && !(err && err.reported)) {
      sayError(
        err && err.userFacing ? err.message : err instanceof Error ? err.stack || err.message : String(err),
      );
    } else if (err && err.reported && err.message) {
      sayError(err.message);
    }
  }
  await supervisor.stopAll();
  process.exit(supervisor.signalExitCode || code);
}

if (require.main === module) void main();

module.exports = { SERVICES };
