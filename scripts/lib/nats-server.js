'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { probeNats } = require('./probe');

const READY_TIMEOUT_MS = 20000;

/** Absolute path of an executable on PATH, or undefined. */
function findOnPath(name, pathEnv = process.env.PATH || '') {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/**
 * Starts `nats-server -js` on 127.0.0.1:`port` with its store under `storeDir`, tracked by
 * `supervisor` (layer 0); resolves when its INFO line says JetStream is on.
 */
async function startNatsServer({ supervisor, bin, port, storeDir, logFile }) {
  fs.mkdirSync(storeDir, { recursive: true });
  const started = Date.now();
  let exitedEarly;
  supervisor.spawn({
    name: 'nats-server',
    command: bin,
    args: ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)],
    env: process.env,
    logFile,
    layer: 0,
    stopSignal: 'SIGTERM',
    graceMs: 10000,
    onExit: (code, signal, error) => {
      exitedEarly = error ? error.message : `exited with ${signal || `code ${code}`}`;
    },
  });
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exitedEarly) throw new Error(`nats-server ${exitedEarly}`);
    const probe = await probeNats({ host: '127.0.0.1', port });
    if (probe.kind === 'nats' && probe.info.jetstream === true) return { startedMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `nats-server did not report JetStream on 127.0.0.1:${port} within ${READY_TIMEOUT_MS / 1000} s`,
  );
}

module.exports = { findOnPath, startNatsServer };
