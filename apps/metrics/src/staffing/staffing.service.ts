import { Injectable, Logger } from '@nestjs/common';
import { Rpc, RoutingRpc, type StaffingAdvice, type StaffingRequest } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { authorize, reportScope, weeksIn } from '../common/report-scope';
import { ReportRepository } from '../data/report.repository';
import { DEFAULT_HANDLE_SECONDS } from '../wait/expected-wait';
import { scheduledPerHourOfWeek, type AgentShifts } from './scheduled-agents';
import { adviseStaffing } from './staffing-advisor';

const ROUTING_TIMEOUT_MS = 3000;
const DEFAULT_LEVEL = 0.8;

/** Erlang C staffing advice from measured arrivals and handle time, set against routing's shifts. */
@Injectable()
export class StaffingService {
  private readonly log = new Logger(StaffingService.name);

  constructor(
    private readonly repo: ReportRepository,
    private readonly rpc: RpcClient,
  ) {}

  async advise(r: StaffingRequest): Promise<StaffingAdvice> {
    authorize(r, undefined, { ownAllowed: false });
    const scope = reportScope({ ...r, filter: { queueIds: r.queueIds } });
    const weeks = weeksIn(scope);
    const [{ arrivals, handleMs }, slaMinutes, agents] = await Promise.all([
      this.repo.arrivalsAndHandle(scope),
      this.repo.slaMinutes(r.brandId),
      this.agents(r),
    ]);
    const perHour = new Array<number>(168).fill(0);
    for (const a of arrivals) perHour[(a.day - 1) * 24 + a.hour] = a.n / weeks;
    const handleSeconds = handleMs !== null && handleMs > 0 ? handleMs / 1000 : DEFAULT_HANDLE_SECONDS;
    const capacities = agents?.map((a) => a.capacity).filter((c) => c > 0) ?? [];
    const concurrency =
      r.concurrency ??
      (capacities.length > 0
        ? Math.max(1, Math.round(capacities.reduce((x, y) => x + y, 0) / capacities.length))
        : 1);
    let scheduled: number[] | null = r.scheduled ? [...r.scheduled] : null;
    let scheduledSource: StaffingAdvice['scheduledSource'] = r.scheduled ? 'request' : 'unknown';
    if (!scheduled && agents) {
      scheduled = await this.fromShifts(
        r,
        agents.map((a) => a.id),
        scope.timezone,
      );
      if (scheduled) scheduledSource = 'routing_shifts';
    }
    const level = r.serviceLevel ?? DEFAULT_LEVEL;
    const targetSeconds = r.targetSeconds ?? slaMinutes * 60;
    const hours = adviseStaffing({
      arrivalsPerHour: perHour,
      handleSeconds,
      concurrency,
      targetSeconds,
      level,
      scheduled,
    });
    const shortfalls = hours
      .filter((h): h is typeof h & { gap: number } => h.gap !== null && h.gap < 0)
      .sort((a, b) => a.gap - b.gap)
      .map((h) => ({ day: h.day, hour: h.hour, gap: h.gap }));

    return {
      timezone: scope.timezone,
      weeks,
      handleSeconds,
      handleSource: handleMs !== null && handleMs > 0 ? 'measured' : 'default',
      concurrency,
      serviceLevel: level,
      targetSeconds,
      scheduledSource,
      hours,
      shortfalls,
    };
  }

  /** The brand's agents (of the asked queues), or null when routing does not answer. */
  private async agents(r: StaffingRequest): Promise<Array<{ id: string; capacity: number }> | null> {
    try {
      const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId: r.brandId }, ROUTING_TIMEOUT_MS);
      const queues = r.queueIds;

      return agents.filter(
        (a) => !queues || queues.length === 0 || a.queueIds.some((q) => queues.includes(q)),
      );
    } catch (err) {
      this.log.warn({ brandId: r.brandId, err: (err as Error).message }, 'agents unavailable from routing');

      return null;
    }
  }

  private async fromShifts(
    r: StaffingRequest,
    agentIds: readonly string[],
    zone: string,
  ): Promise<number[] | null> {
    try {
      const schedules: AgentShifts[] = [];
      // A few at a time: routing answers each agent's schedule separately.
      for (let i = 0; i < agentIds.length; i += 16) {
        const slice = agentIds.slice(i, i + 16);
        schedules.push(
          ...(await Promise.all(
            slice.map((agentId) =>
              this.rpc.request(
                RoutingRpc.GetShifts,
                { brandId: r.brandId, actorId: r.actorId, actorRole: r.actorRole, agentId },
                ROUTING_TIMEOUT_MS,
              ),
            ),
          )),
        );
      }

      return scheduledPerHourOfWeek(schedules, { zone, weekOf: new Date() });
    } catch (err) {
      this.log.warn({ brandId: r.brandId, err: (err as Error).message }, 'shifts unavailable from routing');

      return null;
    }
  }
}
