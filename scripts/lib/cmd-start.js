'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { bringUp, userError } = require('./infra');
const { planStart, readyBoxLines } = require('./plan');
const { isPortFree } = require('./ports');
const { waitForReady } = require('./health');
const { SERVICE_NODE_FLAGS } = require('./tools');
const { buildServices, builtMain } = require('./build-services');
const { ensureConsoleBuilt } = require('./console-build');
const { say, sayError, box, printTail, seconds } = require('./output');

const READY_DEADLINE_MS = Number(process.env.ROOST_READY_TIMEOUT_S || 120) * 1000;

/** `npm start [-- --no-traffic]`: infrastructure, then every service, then the box; runs until Ctrl-C. */
async function start({ supervisor, rootDir, args, services }) {
  const began = Date.now();
  const unknown = args.filter((a) => a !== '--no-traffic');
  if (unknown.length > 0) throw userError(`npm start takes only --no-traffic (got ${unknown.join(' ')})`);
  const { env: infraEnv, dirs } = await bringUp({ supervisor, rootDir });
  const plan = planStart({
    services,
    env: process.env,
    infraEnv,
    noTraffic: args.includes('--no-traffic'),
    exists: (rel) => fs.existsSync(path.join(rootDir, rel)),
  });
  for (const note of plan.notes) say(`  ${note}`);
  for (const s of plan.skipped) say(`  skipping ${s.name}: ${s.why}`);
  if (plan.run.length === 0) {
    throw userError('no service to start (no apps/<service>/src/main.ts exists yet)');
  }

  // The gateway serves apps/console/dist at /, and only if it exists when it boots: build first.
  const gateway = plan.run.find((s) => s.name === 'gateway');
  if (gateway) {
    try {
      ensureConsoleBuilt({ rootDir, say });
    } catch (e) {
      // The API stays usable without the console; say loudly why / will not serve it.
      sayError(
        `the console was not built, so http://localhost:${gateway.port}/ will not serve it:\n${e.message}`,
      );
    }
  }

  // Services run from their JavaScript build (no compiler in the running process; incremental).
  buildServices({ log: (line) => say(`  ${line}`) });

  for (const s of plan.run) {
    if (!(await isPortFree(s.port))) {
      throw userError(
        `port ${s.port} (${s.name}) is already in use: is another "npm start" running? Stop it, or set ${s.portEnv} to another port.`,
      );
    }
  }

  // A child that dies rejects `failure`; everything else races against it.
  let rejectFailure;
  const failure = new Promise((_, reject) => {
    rejectFailure = reject;
  });
  failure.catch(() => undefined);
  const dead = new Set();
  const relLogs = path.relative(process.cwd(), dirs.logs) || dirs.logs;

  const launch = (s) => {
    const logFile = path.join(dirs.logs, `${s.name}.log`);
    supervisor.spawn({
      name: s.name,
      command: process.execPath,
      args: [...SERVICE_NODE_FLAGS, builtMain(s.main)],
      cwd: rootDir,
      env: plan.childEnv,
      logFile,
      layer: 1,
      stopSignal: 'SIGTERM',
      graceMs: 15000,
      onExit: (code, signal, error) => {
        dead.add(s.name);
        sayError(`${s.name} exited unexpectedly (${error ? error.message : signal || `exit code ${code}`})`);
        printTail({ name: s.name, file: logFile });
        const e = userError(
          `${s.name} stopped; stopping everything else (its full log: ${path.join(relLogs, `${s.name}.log`)})`,
        );
        e.reported = true;
        rejectFailure(e);
      },
    });
    return logFile;
  };

  const awaitReady = async (s, logFile) => {
    const r = await waitForReady({ port: s.port, deadlineMs: READY_DEADLINE_MS, abort: () => dead.size > 0 });
    if (r.ready) {
      say(`  ✓ ${s.name.padEnd(14)} ready on http://localhost:${s.port}  (${seconds(r.ms)})`);
      return;
    }
    if (r.aborted) return failure; // the exit handler has reported it
    sayError(
      `${s.name} was not ready within ${READY_DEADLINE_MS / 1000} s (GET http://127.0.0.1:${s.port}/health/ready: ${r.last})`,
    );
    printTail({ name: s.name, file: logFile });
    const e = userError(`${s.name} did not become ready; stopping everything`);
    e.reported = true;
    throw e;
  };

  say(`Services (logs in ${relLogs}/):`);
  // Gated services (twitter-sim) come up first: ingest starts pulling from it at once.
  const gated = plan.run.filter((s) => s.gate);
  const rest = plan.run.filter((s) => !s.gate);
  for (const s of gated) await Promise.race([awaitReady(s, launch(s)), failure]);
  const logs = rest.map((s) => launch(s));
  await Promise.race([Promise.all(rest.map((s, i) => awaitReady(s, logs[i]))), failure]);

  const ports = Object.fromEntries(services.map((s) => [s.name, plan.childEnv[s.portEnv]]));
  say('');
  say(
    box(
      readyBoxLines({
        ports,
        running: plan.run.map((s) => s.name),
        trafficRate: plan.childEnv.SIM_TRAFFIC_RATE,
        realX: plan.realX,
        logDir: relLogs,
        elapsed: seconds(Date.now() - began),
      }),
    ),
  );
  // Runs until Ctrl-C (the signal handler stops everything and exits) or until a child dies.
  await failure;
  return 1;
}

module.exports = { start };
