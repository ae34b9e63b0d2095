'use strict';
/**
 * Compiles the services and the libs they use from TypeScript to JavaScript under dist/ (same
 * layout as the repository: apps/routing/src/main.ts -> dist/apps/routing/src/main.js), so the
 * long-running services start with plain `node` and carry no compiler: @swc-node/register loads
 * the TypeScript compiler (to read tsconfig) and swc into every process, ~90 MB of each
 * service's resident memory at rest (PERFORMANCE.md B8).
 *
 * The same swc settings @swc-node/register derives from tsconfig.base.json (legacy decorators
 * with their metadata, which NestJS injection reads; ES2022 class fields; CommonJS), and the
 * `@roost/*` path aliases rewritten to relative requires.
 *
 * Incremental (a file is compiled when its source is newer than its output) and safe to run from
 * several processes at once (each output is written to a temporary file and renamed into place),
 * so `npm start`, `npm test` and every TestStack call it before starting services.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;

/** Every lib, and every app with a `src/main.ts` (the services; the console is a browser app, built by Vite). */
function sourceDirs(root) {
  const within = (top, marker) =>
    fs
      .readdirSync(path.join(root, top), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, top, d.name, marker)))
      .map((d) => path.join(top, d.name, 'src'));

  return [...within('apps', path.join('src', 'main.ts')), ...within('libs', 'src')];
}

/** The modules a service may load: TypeScript (but not tests) and JSON data it imports. */
function* moduleFiles(root, dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* moduleFiles(root, rel);
    else if (entry.name.endsWith('.json')) yield rel;
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !TEST_FILE.test(entry.name)) {
      yield rel;
    }
  }
}

/** tsconfig.base.json's `@roost/*` aliases, pointing at the module without its extension. */
function aliases(root) {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, targets]) => [
      alias,
      targets.map((t) => t.replace(/\.tsx?$/, '')),
    ]),
  );
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Builds what changed (of the repository at `root`, into `root`/dist); answers how many files. */
function buildServices({ root = ROOT, log = () => undefined } = {}) {
  const stale = [];
  for (const dir of sourceDirs(root)) {
    for (const rel of moduleFiles(root, dir)) {
      const out = path.join(root, 'dist', rel.replace(/\.ts$/, '.js'));
      if (mtime(path.join(root, rel)) > mtime(out)) stale.push([rel, out]);
    }
  }
  if (stale.length === 0) return 0;
  const swc = require('@swc/core');
  const paths = aliases(root);
  const started = Date.now();
  for (const [rel, out] of stale) {
    const source = path.join(root, rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (rel.endsWith('.json')) {
      writeAtomically(out, fs.readFileSync(source));
      continue;
    }
    const { code, map } = swc.transformFileSync(source, {
      swcrc: false,
      configFile: false,
      sourceMaps: true,
      sourceFileName: path.relative(path.dirname(out), source),
      jsc: {
        parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
        target: 'es2022',
        keepClassNames: true,
        baseUrl: root,
        paths,
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      },
      module: { type: 'commonjs' },
    });
    const base = path.basename(out);
    writeAtomically(`${out}.map`, map);
    writeAtomically(out, `${code}\n//# sourceMappingURL=${base}.map\n`);
  }
  log(`built ${stale.length} files into dist/ in ${Date.now() - started} ms`);

  return stale.length;
}

function writeAtomically(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** Where a source file's build is, relative to the repository root: apps/x/src/main.ts -> dist/apps/x/src/main.js. */
function builtMain(sourceFile) {
  return path.join('dist', sourceFile.replace(/\.ts$/, '.js'));
}

module.exports = { buildServices, builtMain };

if (require.main === module) {
  buildServices({ log: (line) => process.stdout.write(`${line}\n`) });
}
