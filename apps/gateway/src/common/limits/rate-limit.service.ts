import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ErrorCode } from '@roost/contracts';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AgentContext } from '../context/agent-context';
import type { GatewayContext } from '../context/gateway-context';
import { TokenBuckets } from './token-buckets';

/**
 * Per-caller rate limit (RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST), one token per GraphQL operation,
 * the same bucket whichever transport carries it: Apollo's plugin below takes a token for every HTTP
 * operation, the graphql-ws server for every operation sent on a socket (a subscription costs one
 * token when it starts; the events it then receives cost nothing). The caller is the token's agent,
 * the API key, or the client IP when anonymous (login). In memory: with N gateway instances behind
 * a balancer a caller gets up to N times the limit.
 */
@Injectable()
export class RateLimitService {
  private readonly buckets?: TokenBuckets;
  private readonly perSecond: number;

  constructor(@Inject(ROOST_ENV) env: RoostEnv) {
    this.perSecond = env.auth.rateLimit.perSecond;
    // 0 (or less) turns the limit off, e.g. for a load test through one token.
    if (this.perSecond > 0) this.buckets = new TokenBuckets(env.auth.rateLimit);
  }

  /** The refusal to send instead of running the operation, or null when it may run. */
  check(caller: { agent: AgentContext | null; clientIp: string }): GraphQLError | null {
    if (!this.buckets) return null;
    const key = caller.agent ? `${caller.agent.kind}:${caller.agent.id}` : `ip:${caller.clientIp}`;
    const verdict = this.buckets.take(key);
    if (verdict.allowed) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));

    return new GraphQLError('too many requests, slow down', {
      extensions: {
        code: ErrorCode.RateLimited,
        details: { reason: 'RATE_LIMITED', retryAfterSeconds, limitPerSecond: this.perSecond },
        // Read by Apollo (HTTP only) before formatting; the formatter keeps code and details only.
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }

  /** The HTTP side: one token per operation, after the document is parsed and validated. */
  readonly apolloPlugin: ApolloServerPlugin<GatewayContext> = {
    requestDidStart: (): Promise<GraphQLRequestListener<GatewayContext>> =>
      Promise.resolve({
        didResolveOperation: ({ contextValue }): Promise<void> => {
          const refusal = this.check(contextValue);
          if (refusal) throw refusal;

          return Promise.resolve();
        },
      }),
  };
}
