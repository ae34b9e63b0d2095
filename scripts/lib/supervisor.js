'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { say, sayError } = require('./output');
const leftovers = require('./leftovers');

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
// npm forwards the terminal's SIGINT to us as well, so one Ctrl-C arrives twice within milliseconds;
// only a signal after this pause means "stop now".
const REPEAT_SIGNAL_MS = 2000;

function signalGroup(child, signal) {
  try {
    // Children run in their own process group (detached), so that Ctrl-C reaches only roost.js,
    // which then stops them in order: services first, then NATS and PostgreSQL.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Starts child processes and stops exactly those on exit: higher layers first (services, jest),
 * then lower ones (NATS, PostgreSQL); within a layer, in parallel.
 */
class Supervisor {
  /** `rootDir`: where .roost/run records what runs, so a killed roost.js leaves a trail. */
  constructor({ rootDir } = {}) {
    this.rootDir = rootDir;
    this.items = [];
    this.stopping = false;
    this.stopPromise = undefined;
  }

  /**
   * Spawns a tracked child. `logFile`: stdout+stderr go there (truncated first unless `appendLog`); else `stdio` as given.
   * `onExit(code, signal)` is called when the child exits while roost.js is not stopping.
   */
  spawn({
    name,
    command,
    args,
    env,
    cwd,
    logFile,
    appendLog = false,
    stdio = 'inherit',
    layer = 1,
    stopSignal = 'SIGTERM',
    graceMs = 15000,
    uid,
    gid,
    onExit,
  }) {
    let fd;
    if (logFile) fd = fs.openSync(logFile, appendLog ? 'a' : 'w');
    const child = spawn(command, args, {
      cwd,
      env,
      detached: process.platform !== 'win32',
      stdio: fd === undefined ? stdio : ['ignore', fd, fd],
      ...(uid === undefined ? {} : { uid, gid }),
    });
    if (fd !== undefined) fs.closeSync(fd);
    if (this.rootDir && child.pid) {
      leftovers.record(this.rootDir, { name, pid: child.pid, command, args, stopSignal, layer });
    }
    const exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.rootDir) leftovers.forget(this.rootDir, { name, pid: child.pid });
        resolve({ code, signal });
      });
      child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
    });
    const item = { name, child, exited, layer, stopSignal, graceMs, logFile };
    this.items.push(item);
    void exited.then((r) => {
      if (!this.stopping && onExit) onExit(r.code, r.signal, r.error);
    });
    return item;
  }

  async stopItem(item) {
    const { child, name, stopSignal, graceMs, exited } = item;
    // Not the group of an exited child: once the group is empty its id may belong to someone else.
    if (!child.pid || !isRunning(child)) return;
    signalGroup(child, stopSignal);
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([exited, timer])) === 'timeout') {
      sayError(`${name} did not stop within ${graceMs / 1000} s of ${stopSignal}; sending SIGKILL`);
      signalGroup(child, 'SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    }
  }

  /**
   * Runs a tracked child to its end; with `timeoutMs`, stops it (SIGTERM, then SIGKILL) when late.
   * `onSpawn(child)` sees the child first (to read piped stdout). Resolves { code, signal, timedOut }.
   */
  async run({ timeoutMs, onSpawn, ...spawnOptions }) {
    const item = this.spawn({ ...spawnOptions, onExit: undefined });
    if (onSpawn) onSpawn(item.child);
    let timer;
    let timedOut = false;
    if (timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true;
        void this.stopItem(item);
      }, timeoutMs);
    }
    const result = await item.exited;
    clearTimeout(timer);
    if (result.error) throw new Error(`cannot run ${spawnOptions.command}: ${result.error.message}`);
    return { code: result.code, signal: result.signal, timedOut, item };
  }

  /** Stops everything started, once; later calls wait for the same stop. */
  stopAll() {
    this.stopping = true;
    if (!this.stopPromise) {
      this.stopPromise = (async () => {
        const layers = [...new Set(this.items.map((i) => i.layer))].sort((a, b) => b - a);
        for (const layer of layers) {
          const items = this.items.filter((i) => i.layer === layer && i.child.pid && isRunning(i.child));
          if (items.length > 0) say(`stopping ${items.map((i) => i.name).join(', ')}`);
          await Promise.all(this.items.filter((i) => i.layer === layer).map((i) => this.stopItem(i)));
        }
      })();
    }
    return this.stopPromise;
  }

  /** Last resort from process 'exit' (no async possible): SIGKILL whatever still runs. */
  killAllSync() {
    for (const item of this.items) {
      if (item.child.pid && isRunning(item.child)) signalGroup(item.child, 'SIGKILL');
    }
  }

  /** SIGINT/SIGTERM/SIGHUP: stop in order and exit 128+n; a later repeat kills at once. */
  installSignalHandlers() {
    let firstAt = 0;
    const onSignal = (signal) => {
      const code = 128 + SIGNAL_NUMBERS[signal];
      if (firstAt === 0) {
        firstAt = Date.now();
        this.signalExitCode = code;
        say(`\n${signal} received: stopping what roost started (again after 2 s to kill at once)`);
        void this.stopAll().then(() => process.exit(code));
        return;
      }
      if (Date.now() - firstAt < REPEAT_SIGNAL_MS) return;
      sayError(`second ${signal}: killing everything roost started`);
      this.killAllSync();
      process.exit(code);
    };
    for (const signal of Object.keys(SIGNAL_NUMBERS)) process.on(signal, onSignal);
    process.on('exit', () => this.killAllSync());
  }
}

module.exports = { Supervisor, isRunning };
