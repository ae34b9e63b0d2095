'use strict';
// Builds the agent console (apps/console → apps/console/dist, served by the gateway at /) when
// its sources are newer than the last build. Used by `npm start` and the console browser tests.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { binPath } = require('./tools');

/** Everything the bundle is made of; a change in any of these makes the build stale. */
const INPUTS = [
  'apps/console/src',
  'apps/console/public',
  'apps/console/index.html',
  'apps/console/vite.config.mts',
  'libs/x-text/src',
  'libs/classify/src/pii',
  'libs/classify/src/classify.types.ts',
  'package-lock.json',
];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Pure decision, so roost.spec-style tests can cover it: build when dist is missing or older. */
function consoleBuildState(rootDir) {
  if (!fs.existsSync(path.join(rootDir, 'apps/console/vite.config.mts'))) return { state: 'absent' };
  const built = newestMtime(path.join(rootDir, 'apps/console/dist/index.html'));
  if (built === 0) return { state: 'stale', why: 'not built yet' };
  const changed = INPUTS.find((rel) => newestMtime(path.join(rootDir, rel)) > built);
  return changed ? { state: 'stale', why: `${changed} changed` } : { state: 'fresh' };
}

/**
 * Runs `vite build` when needed. Returns what happened: 'built' | 'fresh' | 'absent'.
 * Throws with vite's output when the build fails, so a broken console never starts silently.
 */
function ensureConsoleBuilt({ rootDir, force = false, say = () => undefined }) {
  const { state, why } = consoleBuildState(rootDir);
  if (state === 'absent') return 'absent';
  if (state === 'fresh' && !force) return 'fresh';
  say(`  building the console (${force ? 'forced' : why}) …`);
  const began = Date.now();
  const r = spawnSync(
    process.execPath,
    [binPath('vite'), 'build', '--config', 'apps/console/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: rootDir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) {
    throw new Error(`console build failed (vite build exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  say(`  ✓ console built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return 'built';
}

module.exports = { ensureConsoleBuilt, consoleBuildState };
