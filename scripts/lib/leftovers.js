'use strict';
// Pid files under .roost/run for every child roost.js starts, removed when it stops them. They only
// matter when roost.js itself was killed (kill -9, a closed terminal): the next run can then name
// what is still running, and `node scripts/roost.js stop` can end exactly those processes.

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function runDir(rootDir) {
  return path.join(rootDir, '.roost', 'run');
}

function fileFor(rootDir, { name, pid }) {
  return path.join(runDir(rootDir), `${name.replace(/[^a-z0-9.-]+/gi, '_')}-${pid}.json`);
}

function record(rootDir, { name, pid, command, args, stopSignal, layer }) {
  fs.mkdirSync(runDir(rootDir), { recursive: true });
  const rec = { name, pid, stopSignal, layer, owner: process.pid, commandLine: [command, ...args].join(' ') };
  fs.writeFileSync(fileFor(rootDir, { name, pid }), JSON.stringify(rec));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function forget(rootDir, { name, pid }) {
  fs.rmSync(fileFor(rootDir, { name, pid }), { force: true });
}

/** The command line of a live pid, or undefined. */
function commandLineOf(pid) {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Recorded children that still run with the same command line (a reused pid does not count) while
 * the roost.js that started them is gone (another live `npm start` keeps its own).
 */
function findLeftovers(rootDir) {
  let files = [];
  try {
    files = fs.readdirSync(runDir(rootDir)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const alive = [];
  for (const f of files) {
    const file = path.join(runDir(rootDir), f);
    try {
      const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (
        rec.owner &&
        rec.owner !== process.pid &&
        isAlive(rec.owner) &&
        commandLineOf(rec.owner)?.includes('roost.js')
      ) {
        continue;
      }
      const now = commandLineOf(rec.pid);
      if (now && now === rec.commandLine) alive.push({ ...rec, file });
      else fs.rmSync(file, { force: true });
    } catch {
      fs.rmSync(file, { force: true });
    }
  }
  return alive;
}

/** Stops leftovers by process group, gently then with SIGKILL after `graceMs`; resolves the names stopped. */
async function stopLeftovers(list, { graceMs = 15000 } = {}) {
  const signal = (rec, sig) => {
    try {
      process.kill(-rec.pid, sig);
    } catch {
      try {
        process.kill(rec.pid, sig);
      } catch {
        /* gone */
      }
    }
  };
  // Services before the PostgreSQL and NATS they drain into, as on a normal stop.
  const layers = [...new Set(list.map((rec) => rec.layer ?? 1))].sort((a, b) => b - a);
  for (const layer of layers) {
    const group = list.filter((rec) => (rec.layer ?? 1) === layer);
    for (const rec of group) signal(rec, rec.stopSignal || 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && group.some((rec) => commandLineOf(rec.pid) === rec.commandLine)) {
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const rec of group) {
      if (commandLineOf(rec.pid) === rec.commandLine) signal(rec, 'SIGKILL');
      fs.rmSync(rec.file, { force: true });
    }
  }
  return list.map((rec) => rec.name);
}

module.exports = { record, forget, findLeftovers, stopLeftovers };
