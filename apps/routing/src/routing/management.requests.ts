import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, type AgentSchedule } from '@roost/contracts';
import { LiveChannel, RpcServer } from '@roost/messaging';
import { DateTime } from 'luxon';
import { checkedActor, type ClaimedActor } from '../auth/acting-role';
import { AgentAccess } from '../auth/agent-access';
import { AdminRepository } from './admin.repository';
import { AgentManagement } from './agent-management';
import { BrandWriter } from './brand-writer';
import { Clock } from './clock';
import { isSupervisor } from './manual-actions';
import { withinWeekly } from './schedule';

function requireSupervisor(r: { actorRole: 'agent' | 'supervisor' | 'admin' }): void {
  if (!isSupervisor({ id: '', role: r.actorRole })) {
    throw new DomainError(ErrorCode.Forbidden, 'supervisors only', { reason: 'SUPERVISOR_REQUIRED' });
  }
}

function requireZone(zone: string): void {
  if (!DateTime.now().setZone(zone).isValid) throw new DomainError(ErrorCode.BadUserInput, `unknown timezone ${zone}`, { field: 'timezone' });
}

/** Supervisors manage queues, rules, shifts and agents (admins create agents and change roles); every change bumps the brand's routing version. */
@Injectable()
export class ManagementRequests implements OnApplicationBootstrap {
  private readonly agents: AgentManagement;
  private readonly access: AgentAccess;

  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
    @Inject(Clock) private readonly clock: Clock,
    live: LiveChannel,
  ) {
    this.agents = new AgentManagement(repo, writer, live);
    this.access = new AgentAccess(repo, writer, live);
  }

  private async queueList(brandId: string) {
    const [configs, counts] = await Promise.all([this.repo.queueConfigs(brandId), this.repo.queues(brandId)]);

    return configs.map((c) => {
      const n = counts.find((q) => q.id === c.id);

      return { ...c, waiting: n?.waiting ?? 0, assigned: n?.assigned ?? 0 };
    });
  }

  private async schedule(brandId: string, agentId: string): Promise<AgentSchedule> {
    const s = await this.repo.schedule(brandId, agentId);
    if (!s) throw DomainError.notFound('agent', agentId);
    const now = this.clock.now();

    return { agentId, ...s, onShiftNow: withinWeekly({ slots: s.shifts, exceptions: s.exceptions, zone: s.timezone, now }), at: new Date(now).toISOString() };
  }

  /** Every handler below that acts on a role judges the actor's current role in routing's own tables, never the claimed one. */
  private checked<R extends ClaimedActor, T>(fn: (r: R) => Promise<T>): (r: R) => Promise<T> {
    return async (r) => fn(await checkedActor(this.repo, r));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(RoutingRpc.ActorAccess, async (r) => ({ actor: await this.repo.actor(r.brandId, r.actorId) }));
    this.rpc.serve(RoutingRpc.ListAgents, this.checked(async (r) => ({ agents: await this.agents.list(r) })));
    this.rpc.serve(RoutingRpc.CreateAgent, this.checked((r) => this.agents.create(r, r.agent)));
    this.rpc.serve(RoutingRpc.UpdateAgent, this.checked((r) => this.agents.update(r, r.agentId, r.changes)));
    this.rpc.serve(RoutingRpc.ChangePassword, (r) => this.access.changePassword(r, r));
    this.rpc.serve(RoutingRpc.DeactivateAgent, this.checked((r) => this.access.deactivate(r, r.agentId)));
    this.rpc.serve(RoutingRpc.ReactivateAgent, this.checked((r) => this.access.reactivate(r, r.agentId)));
    this.rpc.serve(RoutingRpc.ResetAgentPassword, this.checked((r) => this.access.resetPassword(r, r.agentId)));
    this.rpc.serve(RoutingRpc.ListQueues, async (r) => ({ queues: await this.queueList(r.brandId) }));
    this.rpc.serve(RoutingRpc.UpsertQueue, this.checked(async (r) => {
      requireSupervisor(r);
      requireZone(r.queue.timezone);
      const id = await this.writer.configure(r.brandId, (tx) => this.repo.upsertQueue(tx, r.brandId, r.queue));
      const q = (await this.queueList(r.brandId)).find((x) => x.id === id);
      if (!q) throw DomainError.notFound('queue', id);

      return q;
    }));
    this.rpc.serve(RoutingRpc.ListRules, async (r) => ({ rules: await this.repo.rules(r.brandId) }));
    this.rpc.serve(RoutingRpc.ReplaceRules, this.checked(async (r) => {
      requireSupervisor(r);
      await this.writer.configure(r.brandId, async (tx) => {
        // Under the brand lock: nobody can save between this check and the replace.
        if (r.expectedRuleIds) {
          const current = await this.repo.ruleIds(tx, r.brandId);
          if (current.join() !== r.expectedRuleIds.join()) {
            throw new DomainError(ErrorCode.Conflict, 'the routing rules were changed by someone else since you loaded them', {
              reason: 'RULES_CHANGED',
              field: 'expectedRuleIds',
            });
          }
        }
        await this.repo.replaceRules(tx, r.brandId, r.rules);
      });

      return { rules: await this.repo.rules(r.brandId) };
    }));
    this.rpc.serve(RoutingRpc.GetShifts, async (r) => {
      if (r.actorId !== r.agentId) requireSupervisor(await checkedActor(this.repo, r));

      return this.schedule(r.brandId, r.agentId);
    });
    this.rpc.serve(RoutingRpc.SetShifts, this.checked(async (r) => {
      requireSupervisor(r);
      requireZone(r.timezone);
      const found = await this.writer.configure(r.brandId, (tx) => this.repo.setSchedule(tx, r.brandId, r.agentId, r));
      if (!found) throw DomainError.notFound('agent', r.agentId);

      return this.schedule(r.brandId, r.agentId);
    }));
    await this.rpc.ready();
  }
}
