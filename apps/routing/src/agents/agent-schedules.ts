import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type AgentSchedule } from '@roost/contracts';
import { requireSupervisor, type ClaimedActor } from '../access/acting-role';
import { Actors } from '../access/actors';
import { Clock } from '@roost/platform';
import { withinWeekly, type ScheduleException, type WeeklySlot } from '../common/schedule';
import { requireZone } from '../common/time-zone';
import { AdminRepository } from '../data/admin.repository';
import { BrandWriter } from '../state/brand-writer';

/** Agents' shifts and leave: anyone reads their own, supervisors read and set everyone's. */
@Injectable()
export class AgentSchedules {
  constructor(
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
    private readonly actors: Actors,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** `r` as claimed: another agent's schedule needs a supervisor's current role. */
  async get(r: ClaimedActor & { agentId: string }): Promise<AgentSchedule> {
    if (r.actorId !== r.agentId) requireSupervisor(await this.actors.checked(r));

    return this.schedule(r.brandId, r.agentId);
  }

  /** `r` with the actor's current role (Actors.checked). */
  async set(
    r: ClaimedActor & {
      agentId: string;
      timezone: string;
      shifts: WeeklySlot[];
      exceptions: ScheduleException[];
    },
  ): Promise<AgentSchedule> {
    requireSupervisor(r);
    requireZone(r.timezone);
    const found = await this.writer.configure(r.brandId, (tx) =>
      this.repo.setSchedule(tx, r.brandId, r.agentId, r),
    );
    if (!found) throw DomainError.notFound('agent', r.agentId);

    return this.schedule(r.brandId, r.agentId);
  }

  private async schedule(brandId: string, agentId: string): Promise<AgentSchedule> {
    const s = await this.repo.schedule(brandId, agentId);
    if (!s) throw DomainError.notFound('agent', agentId);
    const now = this.clock.now();

    return {
      agentId,
      ...s,
      onShiftNow: withinWeekly({ slots: s.shifts, exceptions: s.exceptions, zone: s.timezone, now }),
      at: new Date(now).toISOString(),
    };
  }
}
