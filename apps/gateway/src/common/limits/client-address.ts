import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RoostEnv } from '@roost/config';
import type { Application } from 'express';
import proxyaddr from 'proxy-addr';

type TrustFn = (addr: string, hop: number) => boolean;

/**
 * GATEWAY_TRUST_PROXY as express's `trust proxy` (unset: false, X-Forwarded-For ignored). Rate limits
 * and login throttling key on the client address; believing any client's X-Forwarded-For would let
 * each request pick a fresh bucket.
 */
export function applyTrustProxy(app: NestExpressApplication, env: RoostEnv): void {
  const trust = env.auth.trustProxy;
  app.set('trust proxy', Array.isArray(trust) ? [...trust] : trust);
}

/**
 * A WebSocket upgrade's client address with the same trust as HTTP's req.ip: express compiled the
 * setting into `trust proxy fn`, and proxy-addr is what req.ip runs.
 */
export function upgradeClientAddress(app: Application, request: IncomingMessage): string {
  const trust = app.get('trust proxy fn') as TrustFn | undefined;
  if (!trust || !request.socket.remoteAddress) return request.socket.remoteAddress ?? 'unknown';

  return proxyaddr(request, trust);
}
