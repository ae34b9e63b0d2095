'use strict';
const net = require('node:net');

/** Resolves true when nothing listens on host:port (we could bind it ourselves). */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The preferred port if free, else the next free one above it. `isFree` is injected so the
 * choice is testable without sockets.
 */
async function pickPort({ preferred, isFree = isPortFree, attempts = 20 }) {
  for (let port = preferred; port < preferred + attempts && port <= 65535; port += 1) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free TCP port in ${preferred}-${Math.min(preferred + attempts - 1, 65535)}`);
}

module.exports = { isPortFree, pickPort };
