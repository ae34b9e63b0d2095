'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { bringUp } = require('./infra');
const { tsNodeArgs } = require('./tools');
const { say, sayError, seconds } = require('./output');

const MIGRATE_TIMEOUT_MS = 180000;

/** `npm run migrate`: bring-up, then apps/<svc>/src/migrate.ts of each service that has migrations, in order. */
async function migrate({ supervisor, rootDir, services }) {
  const { env: infraEnv } = await bringUp({ supervisor, rootDir });
  say('Migrations:');
  for (const s of services.filter((x) => x.migrations)) {
    const file = `apps/${s.name}/src/migrate.ts`;
    if (!fs.existsSync(path.join(rootDir, file))) {
      say(`  - ${s.name}: skipped, ${file} does not exist yet`);
      continue;
    }
    const began = Date.now();
    say(`  ${s.name}: node -r @swc-node/register ${file}`);
    const r = await supervisor.run({
      name: `${s.name} migrate`,
      command: process.execPath,
      args: tsNodeArgs(file),
      cwd: rootDir,
      env: { ...process.env, ...infraEnv },
      layer: 1,
      timeoutMs: MIGRATE_TIMEOUT_MS,
    });
    if (r.code !== 0) {
      if (!supervisor.stopping) {
        sayError(
          `${s.name} migrations failed (${r.timedOut ? `no exit within ${MIGRATE_TIMEOUT_MS / 1000} s` : r.signal || `exit code ${r.code}`})`,
        );
      }
      return 1;
    }
    say(`  ✓ ${s.name} (${seconds(Date.now() - began)})`);
  }
  return 0;
}

module.exports = { migrate };
