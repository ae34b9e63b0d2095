import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Rpc, RoutingRpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { acting, type AgentContext } from '../common/context/agent-context';
import { PASSWORD_RPC_TIMEOUT_MS } from '../common/gateway.constants';
import { LoginRateLimiter } from './login-rate-limiter';
import { AgentGql } from './models/agent.model';
import type { AuthPayloadGql } from './models/auth-payload.model';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  private readonly limiter = new LoginRateLimiter();

  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
    private readonly revocations: TokenRevocations,
  ) {}

  /** Routing verifies the password (Rpc.Login); the gateway rate-limits and signs the token. */
  async login(input: { email: string; password: string; clientIp: string }): Promise<AuthPayloadGql> {
    const verdict = this.limiter.hit(`${input.email.trim().toLowerCase()}|${input.clientIp}`);
    if (!verdict.allowed) {
      throw new DomainError(ErrorCode.RateLimited, 'too many login attempts, try again later', {
        reason: 'LOGIN_RATE_LIMITED',
        retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
      });
    }
    const profile = await this.rpc.request(
      Rpc.Login,
      { email: input.email, password: input.password },
      PASSWORD_RPC_TIMEOUT_MS,
    );
    const { token, expiresAt } = this.tokens.sign(profile);

    return { token, expiresAt: expiresAt.toISOString(), agent: AgentGql.from(profile) };
  }

  /**
   * The caller's own password. Every token issued before the change is revoked (other sessions,
   * and the one that asked): the caller gets a fresh token to continue with, like `login` answers.
   */
  async changePassword(
    agent: AgentContext,
    input: { currentPassword: string; newPassword: string },
  ): Promise<AuthPayloadGql> {
    if (agent.kind === 'apiKey') {
      throw new DomainError(ErrorCode.Forbidden, 'an API key has no password', { reason: 'AGENT_REQUIRED' });
    }
    // Guessing the current password with a stolen token is throttled like guessing at login.
    const verdict = this.limiter.hit(`password-change|${agent.id}`);
    if (!verdict.allowed) {
      throw new DomainError(ErrorCode.RateLimited, 'too many attempts, try again later', {
        reason: 'PASSWORD_CHANGE_RATE_LIMITED',
        retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
      });
    }
    const changed = await this.rpc.request(
      RoutingRpc.ChangePassword,
      { ...acting(agent), ...input },
      PASSWORD_RPC_TIMEOUT_MS,
    );
    // Known here before routing's announcement arrives, so the new token is signed after the revocation.
    this.revocations.apply({
      schema: 1,
      brandId: agent.brandId,
      agentId: agent.id,
      active: true,
      tokensValidAfter: changed.tokensValidAfter,
    });
    const { token, expiresAt } = this.tokens.sign(changed.agent);

    return { token, expiresAt: expiresAt.toISOString(), agent: AgentGql.from(changed.agent) };
  }

  /** The caller's current profile (a removed agent's token stops working here). */
  async me(agent: AgentContext): Promise<AgentGql> {
    if (agent.kind === 'apiKey') {
      throw new DomainError(ErrorCode.Forbidden, 'an API key is not an agent', { reason: 'AGENT_REQUIRED' });
    }
    const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId: agent.brandId, ids: [agent.id] });
    const profile = agents.find((a) => a.id === agent.id && a.brandId === agent.brandId);
    if (!profile) {
      throw new DomainError(ErrorCode.Unauthenticated, 'agent no longer exists', { reason: 'AGENT_REMOVED' });
    }

    return AgentGql.from(profile);
  }
}
