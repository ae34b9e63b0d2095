import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Rpc, RoutingRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { AgentAccess } from '../agents/agent-access';
import { AgentLogin } from '../agents/agent-login';
import { AgentManagement } from '../agents/agent-management';
import { QueuesService } from '../queues/queues.service';

/** Request/reply methods routing answers for the gateway (login, agents, queues) and metrics (staffing). */
@Injectable()
export class RoutingRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly login: AgentLogin,
    private readonly agents: AgentManagement,
    private readonly access: AgentAccess,
    private readonly queues: QueuesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(Rpc.Login, ({ email, password }) => this.login.login(email, password));
    this.rpc.serve(Rpc.GetAgents, async ({ brandId, ids }) => ({
      agents: await this.agents.byIds(brandId, ids),
    }));
    this.rpc.serve(RoutingRpc.ListTokenRevocations, async ({ since }) => ({
      revocations: await this.access.revocationsSince(new Date(since)),
    }));
    this.rpc.serve(Rpc.GetQueues, async ({ brandId, ids }) => ({
      queues: await this.queues.views(brandId, ids),
    }));
    this.rpc.serve(RoutingRpc.QueueStaffing, async ({ brandId }) => ({
      queues: await this.queues.staffing(brandId),
    }));
    this.rpc.serve(RoutingRpc.LockedQueues, async ({ brandId }) => ({
      queueIds: await this.queues.lockedQueueIds(brandId),
    }));
    await this.rpc.ready();
  }
}
