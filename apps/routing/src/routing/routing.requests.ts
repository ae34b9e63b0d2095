import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, Rpc, RoutingRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { accessEvent } from '../auth/agent-access';
import { verifyPassword } from '../auth/password';
import { AdminRepository } from './admin.repository';

/** Request/reply methods routing answers for the gateway (login, agents, queues). */
@Injectable()
export class RoutingRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: AdminRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(Rpc.Login, async ({ email, password }) => {
      const agent = await this.repo.findAgentForLogin(email);
      // Same error and similar time for unknown email and wrong password.
      const ok = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
      // A deactivated agent gets the wrong-password answer: nothing tells an outsider the account exists.
      if (!agent || !ok || agent.active === false) throw new DomainError(ErrorCode.Unauthenticated, 'invalid email or password');
      const { passwordHash: _omit, ...profile } = agent;

      return profile;
    });
    this.rpc.serve(Rpc.GetAgents, async ({ brandId, ids }) => ({ agents: await this.repo.agents(brandId, ids) }));
    this.rpc.serve(RoutingRpc.ListTokenRevocations, async ({ since }) => ({
      revocations: (await this.repo.tokenRevocations(new Date(since))).map(accessEvent),
    }));
    this.rpc.serve(Rpc.GetQueues, async ({ brandId, ids }) => ({ queues: await this.repo.queues(brandId, ids) }));
    await this.rpc.ready();
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
