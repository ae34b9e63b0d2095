import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainError, ErrorCode, forbidden, type AgentRole } from '@roost/contracts';
import type { AuthFailure } from '../context/agent-context';
import type { GatewayContext } from '../context/gateway-context';
import { PUBLIC_OPERATION } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

const FAILURE_MESSAGE: Record<AuthFailure, string> = {
  missing: 'authentication required',
  invalid: 'invalid token',
  expired: 'token expired',
  invalid_api_key: 'invalid API key',
  unavailable: 'credentials could not be verified, try again',
  revoked: 'token revoked, sign in again',
  rate_limited: 'too many refused API keys from this address, try again later',
};

/**
 * Global guard (APP_GUARD) on every GraphQL root field, queries, mutations and subscriptions, on
 * both transports: authenticated unless `@Public()`, role-checked when `@Roles()` says so. Being
 * global, a new resolver is guarded without anyone remembering to. Brand scoping happens below it:
 * every service call takes the brand from the caller's token, never from arguments.
 */
@Injectable()
export class AgentAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    // Health and metrics controllers are HTTP, not GraphQL; they carry no data.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, targets)) return true;

    const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();
    const agent = ctx.agent;
    if (!agent) {
      const failure = ctx.authFailure ?? 'missing';
      if (failure === 'unavailable') {
        throw new DomainError(ErrorCode.UpstreamUnavailable, FAILURE_MESSAGE.unavailable, {
          reason: 'AUTH_UNAVAILABLE',
        });
      }
      if (failure === 'rate_limited') {
        throw new DomainError(ErrorCode.RateLimited, FAILURE_MESSAGE.rate_limited, {
          reason: 'API_KEY_RATE_LIMITED',
        });
      }
      throw new DomainError(ErrorCode.Unauthenticated, FAILURE_MESSAGE[failure], {
        reason: failure.toUpperCase(),
      });
    }
    // A socket outlives its token by at most the timer's delay; refuse anything in between.
    if (agent.expiresAtMs <= Date.now()) {
      throw new DomainError(ErrorCode.Unauthenticated, FAILURE_MESSAGE.expired, { reason: 'EXPIRED' });
    }
    const roles = this.reflector.getAllAndOverride<AgentRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(agent.role)) {
      throw forbidden('ROLE', 'your role may not do this', { required: roles });
    }

    return true;
  }
}
