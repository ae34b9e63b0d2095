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

module.exports = { binPath, tsNodeArgs };
