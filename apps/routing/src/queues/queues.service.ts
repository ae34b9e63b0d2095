import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type QueueConfigInput,
  type QueueStaffing,
  type QueueView,
  type RoutingRule,
  type RoutingRuleInput,
} from '@roost/contracts';
import { requireSupervisor, type ClaimedActor } from '../access/acting-role';
import { requireZone } from '../common/time-zone';
import { AdminRepository, type QueueConfigRow } from '../data/admin.repository';
import { BrandWriter } from '../state/brand-writer';
import { queueStaffing } from './queue-staffing';

type QueueConfig = QueueConfigRow & { waiting: number; assigned: number };

/**
 * Queues and routing rules: supervisors change them (every change bumps the brand's routing
 * version, so every instance reloads before its next decision); anyone of the brand reads them.
 * Methods taking an actor expect its current role (Actors.checked).
 */
@Injectable()
export class QueuesService {
  constructor(
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
  ) {}

  /** Waiting and assigned counts, for other services (the gateway's queue lookups). */
  views(brandId: string, ids?: string[]): Promise<QueueView[]> {
    return this.repo.queues(brandId, ids);
  }

  /** The brand's hard-locked queues: only a conversation's assignee answers there. */
  lockedQueueIds(brandId: string): Promise<string[]> {
    return this.repo.lockedQueueIds(brandId);
  }

  /** Every queue's configuration with its counts. */
  async list(brandId: string): Promise<QueueConfig[]> {
    const [configs, counts] = await Promise.all([this.repo.queueConfigs(brandId), this.repo.queues(brandId)]);

    return configs.map((c) => {
      const n = counts.find((q) => q.id === c.id);

      return { ...c, waiting: n?.waiting ?? 0, assigned: n?.assigned ?? 0 };
    });
  }

  async upsert(r: ClaimedActor, queue: QueueConfigInput): Promise<QueueConfig> {
    requireSupervisor(r);
    requireZone(queue.timezone);
    const id = await this.writer.configure(r.brandId, (tx) => this.repo.upsertQueue(tx, r.brandId, queue));
    const q = (await this.list(r.brandId)).find((x) => x.id === id);
    if (!q) throw DomainError.notFound('queue', id);

    return q;
  }

  rules(brandId: string): Promise<RoutingRule[]> {
    return this.repo.rules(brandId);
  }

  /** The whole ordered list; refused with RULES_CHANGED when `expectedRuleIds` is no longer the list. */
  async replaceRules(
    r: ClaimedActor,
    rules: RoutingRuleInput[],
    expectedRuleIds?: string[],
  ): Promise<RoutingRule[]> {
    requireSupervisor(r);
    await this.writer.configure(r.brandId, async (tx) => {
      // Under the brand lock: nobody can save between this check and the replace.
      if (expectedRuleIds) {
        const current = await this.repo.ruleIds(tx, r.brandId);
        if (current.join() !== expectedRuleIds.join()) {
          throw new DomainError(
            ErrorCode.Conflict,
            'the routing rules were changed by someone else since you loaded them',
            {
              reason: 'RULES_CHANGED',
              field: 'expectedRuleIds',
            },
          );
        }
      }
      await this.repo.replaceRules(tx, r.brandId, rules);
    });

    return this.repo.rules(r.brandId);
  }

  /**
   * Every queue's staffing on the committed state, under the brand lock: another instance may have
   * routed since this one last did. Nothing changes, so the version stays.
   */
  async staffing(brandId: string): Promise<QueueStaffing[]> {
    const read = await this.writer.write(brandId, (ctx) =>
      [...ctx.state.queues.values()].map((q) => queueStaffing(q, ctx.now)),
    );

    return read?.result ?? [];
  }
}
