import { Injectable } from '@nestjs/common';
import { RpcClient } from '@roost/messaging';
import type { Request } from 'express';
import type { AgentContext } from '../common/context/agent-context';
import { GatewayContext } from '../common/context/gateway-context';
import { CredentialsService } from './credentials.service';

/** Builds the per-operation context for both transports, so resolvers never ask which one. */
@Injectable()
export class GatewayContextFactory {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * HTTP: the credential (`Authorization: Bearer <jwt>` or `ApiKey <key>`, or `X-Api-Key`) is checked
   * per request; a bad one is remembered and refused by the guard (so `login` still works without one).
   */
  async forHttp(req: Request): Promise<GatewayContext> {
    const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const verified = await this.credentials.authenticate({
      authorization: req.headers.authorization,
      apiKey: req.headers['x-api-key'],
      clientIp,
    });
    const key = req.headers['idempotency-key'];

    return new GatewayContext(
      'http',
      verified.ok ? verified.agent : null,
      verified.ok ? null : verified.failure,
      clientIp,
      typeof key === 'string' ? key : undefined,
      this.rpc,
    );
  }

  /** graphql-ws: the socket was authenticated at connection_init; each operation gets its own context. */
  forSocket(opts: {
    agent: AgentContext;
    clientIp: string;
    idempotencyKey: string | undefined;
  }): GatewayContext {
    return new GatewayContext('ws', opts.agent, null, opts.clientIp, opts.idempotencyKey, this.rpc);
  }
}
