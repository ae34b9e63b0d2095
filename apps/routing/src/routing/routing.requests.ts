import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, Rpc, RoutingRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { accessEvent } from '../auth/agent-access';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../auth/password';
import { AdminRepository } from './admin.repository';
import { BrandWriter } from './brand-writer';
import { queueStaffing } from './queue-staffing';

/** Request/reply methods routing answers for the gateway (login, agents, queues) and metrics (staffing). */
@Injectable()
export class RoutingRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(Rpc.Login, async ({ email, password }) => {
      const agent = await this.repo.findAgentForLogin(email);
      // Same error and similar time for unknown email and wrong password.
      const ok = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
      // A deactivated agent gets the wrong-password answer: nothing tells an outsider the account exists.
      if (!agent || !ok || agent.active === false) throw new DomainError(ErrorCode.Unauthenticated, 'invalid email or password');
      if (needsRehash(agent.passwordHash)) await this.upgradeHash(agent, password);
      const { passwordHash: _omit, ...profile } = agent;

      return profile;
    });
    this.rpc.serve(Rpc.GetAgents, async ({ brandId, ids }) => ({ agents: await this.repo.agents(brandId, ids) }));
    this.rpc.serve(RoutingRpc.ListTokenRevocations, async ({ since }) => ({
      revocations: (await this.repo.tokenRevocations(new Date(since))).map(accessEvent),
    }));
    this.rpc.serve(Rpc.GetQueues, async ({ brandId, ids }) => ({ queues: await this.repo.queues(brandId, ids) }));
    // On the committed state, under the brand lock: another instance may have routed since this one
    // last did. Nothing changes, so the version stays.
    this.rpc.serve(RoutingRpc.QueueStaffing, async ({ brandId }) => {
      const read = await this.writer.write(brandId, (ctx) => [...ctx.state.queues.values()].map((q) => queueStaffing(q, ctx.now)));

      return { queues: read?.result ?? [] };
    });
    await this.rpc.ready();
  }

  /** The one moment the plain password is known: a hash below today's cost is replaced with one at it. */
  private async upgradeHash(agent: { brandId: string; id: string; passwordHash: string }, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.repo.rehashPassword({ brandId: agent.brandId, agentId: agent.id, passwordHash, expectedHash: agent.passwordHash });
  }
}
