'use strict';
// What the commands will run and with which arguments and environment. Pure, so the rules are unit-tested.

// The same demo default as libs/config (which refuses it when NODE_ENV=production).
const DEMO_JWT_SECRET = 'roost-demo-secret-change-me';
const DEMO_LOGINS = [
  'admin@acme.example',
  'supervisor@acme.example',
  ...[1, 2, 3, 4, 5, 6].map((n) => `agent${n}@acme.example`),
];
const DEMO_PASSWORD = 'roost-demo';

/**
 * services: the SERVICES array of roost.js; env: process.env; infraEnv: { DATABASE_URL, NATS_SERVERS };
 * exists(relPath): whether a file exists. Returns { run, skipped, childEnv, realX, notes }.
 */
function planStart({ services, env, infraEnv, noTraffic, exists }) {
  // Real X credentials and no explicit base URL: the services talk to api.x.com, the simulator is pointless.
  const realX = Boolean(env.X_BEARER_TOKEN) && !env.X_API_BASE_URL;
  const ports = {};
  for (const s of services) ports[s.name] = Number(env[s.portEnv] || s.port);
  const notes = [];
  const childEnv = {
    ...env,
    ...infraEnv,
    ROOST_DEMO_SEED: env.ROOST_DEMO_SEED || 'true',
    SIM_TRAFFIC_RATE: noTraffic ? '0' : env.SIM_TRAFFIC_RATE || '2',
    LOG_LEVEL: env.LOG_LEVEL || 'info',
    JWT_SECRET: env.JWT_SECRET || DEMO_JWT_SECRET,
  };
  for (const s of services) childEnv[s.portEnv] = String(ports[s.name]);
  const sim = services.find((s) => s.simulator);
  if (!realX && sim) childEnv.X_API_BASE_URL = env.X_API_BASE_URL || `http://127.0.0.1:${ports[sim.name]}`;
  if (!env.JWT_SECRET) {
    notes.push(
      'JWT_SECRET is not set: using the demo secret, fine on this machine (set your own before exposing Roost).',
    );
  }
  if (realX) {
    notes.push(
      'X_BEARER_TOKEN is set and X_API_BASE_URL is not: using the real X API; twitter-sim is not started.',
    );
  }

  const run = [];
  const skipped = [];
  for (const s of services) {
    const main = `apps/${s.name}/src/main.ts`;
    if (s.simulator && realX) skipped.push({ name: s.name, why: 'real X API in use' });
    else if (!exists(main)) skipped.push({ name: s.name, why: `${main} does not exist yet` });
    else run.push({ ...s, port: ports[s.name], main });
  }
  return { run, skipped, childEnv, realX, notes };
}

/** The lines of the "Roost is up" box. */
function readyBoxLines({ ports, running, trafficRate, realX, logDir, elapsed }) {
  const lines = [
    `Roost is up (${running.length} service${running.length === 1 ? '' : 's'} in ${elapsed})`,
    '',
  ];
  if (running.includes('gateway')) {
    lines.push(`GraphQL      http://localhost:${ports.gateway}/graphql`);
    lines.push(`WebSocket    ws://localhost:${ports.gateway}/graphql   (graphql-transport-ws)`);
    lines.push(`Console      http://localhost:${ports.gateway}/`);
  } else {
    lines.push('GraphQL      (gateway not running: apps/gateway/src/main.ts is missing)');
  }
  if (realX) lines.push('X API        the real one (X_BEARER_TOKEN)');
  else if (running.includes('twitter-sim')) {
    lines.push(
      `twitter-sim  http://localhost:${ports['twitter-sim']}   (${trafficRate} tweets/s${trafficRate === '0' ? ', --no-traffic' : ''})`,
    );
  }
  lines.push('');
  lines.push(`Demo logins  ${DEMO_LOGINS[0]}, ${DEMO_LOGINS[1]}`);
  lines.push(`             ${DEMO_LOGINS[2]} .. ${DEMO_LOGINS[DEMO_LOGINS.length - 1]}`);
  lines.push(`Password     ${DEMO_PASSWORD}`);
  lines.push(`Logs         ${logDir}/<service>.log`);
  lines.push('');
  lines.push('Ctrl-C to stop');
  return lines;
}

/** jest argv for `npm test`: --maxWorkers=2 unless the caller already chose how many workers to use. */
function jestArgs(extra) {
  const chooses = extra.some((a) => /^(--maxWorkers|-w|--runInBand|-i)(=|$)/.test(a));
  return [...(chooses ? [] : ['--maxWorkers=2']), ...extra];
}

module.exports = { planStart, readyBoxLines, jestArgs, DEMO_JWT_SECRET, DEMO_LOGINS, DEMO_PASSWORD };
