import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type AgentProfile } from '@roost/contracts';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../common/password';
import { AdminRepository } from '../data/admin.repository';

/** Sign-in by e-mail and password (the gateway's Rpc.Login). */
@Injectable()
export class AgentLogin {
  constructor(private readonly repo: AdminRepository) {}

  async login(email: string, password: string): Promise<AgentProfile> {
    const agent = await this.repo.findAgentForLogin(email);
    // Same error and similar time for unknown email and wrong password.
    const ok = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
    // A deactivated agent gets the wrong-password answer: nothing tells an outsider the account exists.
    if (!agent || !ok || agent.active === false) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid email or password');
    }
    if (needsRehash(agent.passwordHash)) await this.upgradeHash(agent, password);
    const { passwordHash: _omit, ...profile } = agent;

    return profile;
  }

  /** The one moment the plain password is known: a hash below today's cost is replaced with one at it. */
  private async upgradeHash(
    agent: { brandId: string; id: string; passwordHash: string },
    password: string,
  ): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.repo.rehashPassword({
      brandId: agent.brandId,
      agentId: agent.id,
      passwordHash,
      expectedHash: agent.passwordHash,
    });
  }
}
