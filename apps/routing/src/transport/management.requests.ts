import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RoutingRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import type { ClaimedActor } from '../access/acting-role';
import { Actors } from '../access/actors';
import { AgentAccess } from '../agents/agent-access';
import { AgentManagement } from '../agents/agent-management';
import { AgentSchedules } from '../agents/agent-schedules';
import { QueuesService } from '../queues/queues.service';

/** Supervisors manage queues, rules, shifts and agents (admins create agents and change roles); every change bumps the brand's routing version. */
@Injectable()
export class ManagementRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly actors: Actors,
    private readonly agents: AgentManagement,
    private readonly access: AgentAccess,
    private readonly schedules: AgentSchedules,
    private readonly queues: QueuesService,
  ) {}

  /** Every handler below that acts on a role judges the actor's current role in routing's own tables, never the claimed one. */
  private checked<R extends ClaimedActor, T>(fn: (r: R) => Promise<T>): (r: R) => Promise<T> {
    return async (r) => fn(await this.actors.checked(r));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(RoutingRpc.ActorAccess, async (r) => ({
      actor: await this.actors.current(r.brandId, r.actorId),
    }));
    this.rpc.serve(
      RoutingRpc.ListAgents,
      this.checked(async (r) => ({ agents: await this.agents.list(r) })),
    );
    this.rpc.serve(
      RoutingRpc.CreateAgent,
      this.checked((r) => this.agents.create(r, r.agent)),
    );
    this.rpc.serve(
      RoutingRpc.UpdateAgent,
      this.checked((r) => this.agents.update(r, r.agentId, r.changes)),
    );
    this.rpc.serve(RoutingRpc.ChangePassword, (r) => this.access.changePassword(r, r));
    this.rpc.serve(
      RoutingRpc.DeactivateAgent,
      this.checked((r) => this.access.deactivate(r, r.agentId)),
    );
    this.rpc.serve(
      RoutingRpc.ReactivateAgent,
      this.checked((r) => this.access.reactivate(r, r.agentId)),
    );
    this.rpc.serve(
      RoutingRpc.ResetAgentPassword,
      this.checked((r) => this.access.resetPassword(r, r.agentId)),
    );
    this.rpc.serve(RoutingRpc.ListQueues, async (r) => ({ queues: await this.queues.list(r.brandId) }));
    this.rpc.serve(
      RoutingRpc.UpsertQueue,
      this.checked((r) => this.queues.upsert(r, r.queue)),
    );
    this.rpc.serve(RoutingRpc.ListRules, async (r) => ({ rules: await this.queues.rules(r.brandId) }));
    this.rpc.serve(
      RoutingRpc.ReplaceRules,
      this.checked(async (r) => ({ rules: await this.queues.replaceRules(r, r.rules, r.expectedRuleIds) })),
    );
    this.rpc.serve(RoutingRpc.GetShifts, (r) => this.schedules.get(r));
    this.rpc.serve(
      RoutingRpc.SetShifts,
      this.checked((r) => this.schedules.set(r)),
    );
    await this.rpc.ready();
  }
}
