import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, type AgentSchedule } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { DateTime } from 'luxon';
import { AdminRepository } from './admin.repository';
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

/** Supervisors manage queues, rules and shifts; every change bumps the brand's routing version. */
@Injectable()
export class ManagementRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private async queueList(brandId: string) {
    const [configs, counts] = await Promise.all([this.repo.queueConfigs(brandId), this.repo.queues(brandId)]);
    const state = this.writer.cached(brandId);

    return configs.map((c) => {
      const n = counts.find((q) => q.id === c.id);
      const wait = state?.queues.get(c.id)?.expectedWaitMs ?? null;

      return { ...c, waiting: n?.waiting ?? 0, assigned: n?.assigned ?? 0, expectedWaitSeconds: wait === null ? null : wait / 1000 };
    });
  }

  private async schedule(brandId: string, agentId: string): Promise<AgentSchedule> {
    const s = await this.repo.schedule(brandId, agentId);
    if (!s) throw DomainError.notFound('agent', agentId);
    const now = this.clock.now();

    return { agentId, ...s, onShiftNow: withinWeekly({ slots: s.shifts, exceptions: s.exceptions, zone: s.timezone, now }), at: new Date(now).toISOString() };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(RoutingRpc.ListQueues, async (r) => ({ queues: await this.queueList(r.brandId) }));
    this.rpc.serve(RoutingRpc.UpsertQueue, async (r) => {
      requireSupervisor(r);
      requireZone(r.queue.timezone);
      const id = await this.writer.configure(r.brandId, (tx) => this.repo.upsertQueue(tx, r.brandId, r.queue));
      const q = (await this.queueList(r.brandId)).find((x) => x.id === id);
      if (!q) throw DomainError.notFound('queue', id);

      return q;
    });
    this.rpc.serve(RoutingRpc.ListRules, async (r) => ({ rules: await this.repo.rules(r.brandId) }));
    this.rpc.serve(RoutingRpc.ReplaceRules, async (r) => {
      requireSupervisor(r);
      await this.writer.configure(r.brandId, (tx) => this.repo.replaceRules(tx, r.brandId, r.rules));

      return { rules: await this.repo.rules(r.brandId) };
    });
    this.rpc.serve(RoutingRpc.GetShifts, async (r) => {
      if (r.actorId !== r.agentId) requireSupervisor(r);

      return this.schedule(r.brandId, r.agentId);
    });
    this.rpc.serve(RoutingRpc.SetShifts, async (r) => {
      requireSupervisor(r);
      requireZone(r.timezone);
      const found = await this.writer.configure(r.brandId, (tx) => this.repo.setSchedule(tx, r.brandId, r.agentId, r));
      if (!found) throw DomainError.notFound('agent', r.agentId);

      return this.schedule(r.brandId, r.agentId);
    });
    await this.rpc.ready();
  }
}
