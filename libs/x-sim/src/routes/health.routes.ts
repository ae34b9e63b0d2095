import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';

export function registerHealthRoutes(router: Router, ctx: SimContext): void {
  router.add({
    method: 'GET',
    pattern: '/health/live',
    auth: 'none',
    handler: () => ({ status: 200, body: { status: 'ok' } }),
  });
  router.add({
    method: 'GET',
    pattern: '/health/ready',
    auth: 'none',
    handler: () => ({
      status: 200,
      body: { status: 'ok', tweets: ctx.store.counts().tweets, streamConnections: ctx.hub.connectionCount },
    }),
  });
  // /metrics is served by the server itself: it is text, not JSON.
}
