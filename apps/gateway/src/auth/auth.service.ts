import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import type { AgentContext } from '../common/context/agent-context';
import { LoginRateLimiter } from './login-rate-limiter';
import { AgentGql } from './models/agent.model';
import type { AuthPayloadGql } from './models/auth-payload.model';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  private readonly limiter = new LoginRateLimiter();

  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
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
    const profile = await this.rpc.request(Rpc.Login, { email: input.email, password: input.password });
    const { token, expiresAt } = this.tokens.sign(profile);

    return { token, expiresAt: expiresAt.toISOString(), agent: AgentGql.from(profile) };
  }

  /** The caller's current profile (a removed agent's token stops working here). */
  async me(agent: AgentContext): Promise<AgentGql> {
    const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId: agent.brandId, ids: [agent.id] });
    const profile = agents.find((a) => a.id === agent.id && a.brandId === agent.brandId);
    if (!profile) {
      throw new DomainError(ErrorCode.Unauthenticated, 'agent no longer exists', { reason: 'AGENT_REMOVED' });
    }

    return AgentGql.from(profile);
  }
}
