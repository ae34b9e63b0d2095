'use strict';
const http = require('node:http');

/** One GET; resolves { status } or { error } and never rejects. */
function getStatus({ port, path, timeoutMs = 2000 }) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve({ status: res.statusCode });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ error: err.code || err.message }));
  });
}

/**
 * Polls GET /health/ready until 200. Resolves { ready: true, ms } or { ready: false, last } at the
 * deadline; `abort()` returning true stops early (the child died) with { ready: false, aborted }.
 */
async function waitForReady({ port, deadlineMs = 120000, intervalMs = 500, abort = () => false }) {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < deadlineMs) {
    if (abort()) return { ready: false, aborted: true, last };
    const r = await getStatus({ port, path: '/health/ready' });
    if (r.status === 200) return { ready: true, ms: Date.now() - started };
    last = r.status ? `HTTP ${r.status}` : r.error;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return { ready: false, aborted: false, last };
}

module.exports = { getStatus, waitForReady };
