import { DomainError, ErrorCode } from '@roost/contracts';
import type { RpcClient } from '@roost/messaging';
import { RequestLoaders } from '../loaders/request-loaders';
import type { AgentContext, AuthFailure } from './agent-context';

export type Transport = 'http' | 'ws';

/**
 * The GraphQL context of one operation, on either transport. Loaders are created on first use,
 * so a subscription or a login pays nothing for them.
 */
export class GatewayContext {
  /** Set by Nest's Apollo driver on the HTTP path. */
  req?: unknown;
  private requestLoaders?: RequestLoaders;

  constructor(
    readonly transport: Transport,
    readonly agent: AgentContext | null,
    readonly authFailure: AuthFailure | null,
    readonly clientIp: string,
    readonly idempotencyKey: string | undefined,
    private readonly rpc: RpcClient,
  ) {}

  get loaders(): RequestLoaders {
    if (!this.agent) throw new DomainError(ErrorCode.Unauthenticated, 'authentication required');
    this.requestLoaders ??= new RequestLoaders(this.rpc, this.agent.brandId);

    return this.requestLoaders;
  }
}
