'use strict';
const fs = require('node:fs');

// roost.js is a CLI: writing to the terminal is its job, so it writes to stdout/stderr directly.
function say(line = '') {
  process.stdout.write(`${line}\n`);
}

/** To stderr, the first line marked "roost:" so it stands out between the children's output. */
function sayError(text) {
  process.stderr.write(`roost: ${text}\n`);
}

/** A frame around the lines, sized to the longest one. */
function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);

  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
}

const PINO_LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A pino JSON line made readable ("error  could not connect  (ECONNREFUSED …)"); other lines unchanged. */
function formatLogLine(line) {
  if (!line.startsWith('{')) return line;
  let rec;
  try {
    rec = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof rec !== 'object' || rec === null) return line;
  const level = PINO_LEVELS[rec.level] || String(rec.level || '');
  const err = rec.err && typeof rec.err === 'object' ? rec.err.message || rec.err.type : undefined;
  const context = rec.context ? `[${rec.context}] ` : '';

  return `${level.padEnd(5)} ${context}${rec.msg || ''}${err ? `  (${err})` : ''}`.trimEnd();
}

/** The last `count` non-empty lines of a file, read from its end (logs can grow large). */
function tailFile(file, count = 20) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    return buf
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-count);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Prints the last lines of a child's log, formatted, under a heading naming the file. */
function printTail({ name, file, count = 20 }) {
  const lines = tailFile(file, count);
  if (lines.length === 0) {
    sayError(`${name}: its log ${file} is empty`);
    return;
  }
  process.stderr.write(`---- last ${lines.length} lines of ${file} ----\n`);
  process.stderr.write(`${lines.map((l) => `  ${formatLogLine(l)}`).join('\n')}\n`);
  process.stderr.write(`---- end of ${name} log ----\n`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

module.exports = { say, sayError, box, formatLogLine, tailFile, printTail, seconds };
