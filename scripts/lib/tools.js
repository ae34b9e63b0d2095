'use strict';
const path = require('node:path');

/** Absolute path of a package's bin script, found from its package.json (eslint does not export its bin). */
function binPath(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin && manifest.bin[name];
  if (!rel) throw new Error(`${pkg} has no "${name}" bin`);
  return path.join(path.dirname(manifestPath), rel);
}

/** argv to run a TypeScript file the way every Roost process runs: node -r @swc-node/register <file>. */
function tsNodeArgs(file, extra = []) {
  return ['-r', '@swc-node/register', file, ...extra];
}

/**
 * V8 flags for the long-running services: a 4 MB young generation instead of V8's default 16 MB
 * semi-spaces keeps each service 15-20 MB smaller at rest (PERFORMANCE.md B8, < 200 MB idle), with
 * no measurable change in end-to-end throughput (bench/pipeline.bench.ts, A/B twice each).
 * libs/testing's TestStack and the Docker image (NODE_OPTIONS) use the same.
 */
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4'];

module.exports = { binPath, tsNodeArgs, SERVICE_NODE_FLAGS };
