'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { bringUp } = require('./infra');
const { binPath } = require('./tools');
const { jestArgs } = require('./plan');
const { buildServices } = require('./build-services');
const { say, sayError, seconds } = require('./output');

const STEP_TIMEOUT_MS = 10 * 60 * 1000;
// Jest's own limit, inside .ci/run's 30 minutes, so that a hung test still ends with a clear line.
const JEST_TIMEOUT_MS = Number(process.env.ROOST_TEST_TIMEOUT_S || 25 * 60) * 1000;

const ESLINT_CONFIGS = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

async function runStep({ supervisor, rootDir, name, command, args }) {
  const began = Date.now();
  const r = await supervisor.run({
    name,
    command: process.execPath,
    args: [command, ...args],
    cwd: rootDir,
    env: process.env,
    layer: 1,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  const ok = r.code === 0;
  if (ok) say(`  ✓ ${name} (${seconds(Date.now() - began)})`);
  else if (!supervisor.stopping) {
    sayError(
      `${name} failed (${r.timedOut ? `no exit within ${STEP_TIMEOUT_MS / 1000} s` : r.signal || `exit code ${r.code}`})`,
    );
  }
  return ok;
}

/** Step 1: type-check the whole repository, check its formatting and lint it; ROOST_TEST_LINT=0 skips this step. */
async function typecheckAndLint({ supervisor, rootDir }) {
  if (process.env.ROOST_TEST_LINT === '0') {
    say('Step 1/3  typecheck + format + lint: skipped (ROOST_TEST_LINT=0)');
    return true;
  }
  say('Step 1/3  typecheck + format + lint (skip with ROOST_TEST_LINT=0)');
  const typed = await runStep({
    supervisor,
    rootDir,
    name: 'typecheck: tsc -p tsconfig.json',
    command: binPath('typescript', 'tsc'),
    args: ['-p', 'tsconfig.json'],
  });
  if (!typed) return false;
  const formatted = await runStep({
    supervisor,
    rootDir,
    name: 'format: prettier --check . (fix with npm run format)',
    command: binPath('prettier'),
    args: ['--check', '--log-level', 'warn', '.'],
  });
  if (!formatted) return false;
  // The console is a browser app with its own tsconfigs and lint config (the root ones skip it).
  for (const cfg of ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.spec.json']) {
    const ok = await runStep({
      supervisor,
      rootDir,
      name: `typecheck: tsc -p apps/console/${cfg}`,
      command: binPath('typescript', 'tsc'),
      args: ['-p', `apps/console/${cfg}`],
    });
    if (!ok) return false;
  }
  const consoleLinted = await runStep({
    supervisor,
    rootDir,
    name: 'lint: eslint apps/console/src',
    command: binPath('eslint'),
    args: ['--config', 'apps/console/eslint.config.mjs', 'apps/console/src'],
  });
  if (!consoleLinted) return false;
  if (!ESLINT_CONFIGS.some((f) => fs.existsSync(path.join(rootDir, f)))) {
    say('  - lint: skipped, there is no eslint.config.* at the repository root yet');
    return true;
  }
  // @nx/enforce-module-boundaries reads Nx's cached project graph: compute it first (no daemon in CI).
  process.env.NX_DAEMON = 'false';
  const graphed = await runStep({
    supervisor,
    rootDir,
    name: 'project graph: nx show projects',
    command: binPath('nx'),
    args: ['show', 'projects'],
  });
  if (!graphed) return false;
  return runStep({ supervisor, rootDir, name: 'lint: eslint .', command: binPath('eslint'), args: ['.'] });
}

/** `npm test [-- <jest args>]`: typecheck + format + lint, bring-up, then jest against that infrastructure. */
async function test({ supervisor, rootDir, args }) {
  if (!(await typecheckAndLint({ supervisor, rootDir }))) return 1;
  say('Step 2/3  infrastructure');
  const { env: infraEnv } = await bringUp({ supervisor, rootDir });
  // Test stacks start the services from dist/; build it once here so no test process has to.
  buildServices({ log: (line) => say(`  ${line}`) });
  const argv = jestArgs(args);
  say(`Step 3/3  jest ${argv.join(' ')}`);
  const r = await supervisor.run({
    name: 'jest',
    command: process.execPath,
    args: [binPath('jest'), ...argv],
    cwd: rootDir,
    // Test stacks skip their own build check: dist/ is current for this run.
    env: { ...process.env, ...infraEnv, ROOST_SERVICES_BUILT: '1' },
    layer: 1,
    timeoutMs: JEST_TIMEOUT_MS,
  });
  if (r.timedOut) {
    sayError(`jest did not finish within ${JEST_TIMEOUT_MS / 1000} s (ROOST_TEST_TIMEOUT_S); stopped it`);
  }
  return r.code === null ? 1 : r.code;
}

module.exports = { test };
