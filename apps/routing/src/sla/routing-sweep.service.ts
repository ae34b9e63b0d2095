import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Events, type ConversationSlaAlertV1 } from '@roost/contracts';
import { withBrand } from '@roost/database';
import { EventBus, Outbox, outboxEvent, type OutboxEvent } from '@roost/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '@roost/platform';
import { RoutingMetrics } from '../common/routing.metrics';
import { RoutingRepository } from '../data/routing.repository';
import type { BrandState } from '../state/brand-state';
import { BrandWriter } from '../state/brand-writer';
import type { SlaAlert } from '../state/change-set';
import { drainAll, sweepSla } from './sla';

export const ROUTING_SWEEP_OPTIONS = Symbol('ROUTING_SWEEP_OPTIONS');
export interface RoutingSweepOptions {
  /** SLA timers, shift starts, queues opening, language relaxation, expected wait. 0 disables. */
  sweepMs: number;
  /** conversation.assigned events committed but not yet published. 0 disables. */
  outboxMs: number;
}

/**
 * Periodic work over the brands this instance holds in memory. Each pass is one locked write per
 * brand, so with several instances a pass on a stale memory reloads first and never double-acts
 * (a warning or breach is recorded on the conversation and acted on once).
 */
@Injectable()
export class RoutingSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(RoutingSweepService.name);
  private timers: NodeJS.Timeout[] = [];
  private running = Promise.resolve();

  constructor(
    private readonly writer: BrandWriter,
    private readonly repo: RoutingRepository,
    private readonly bus: EventBus,
    private readonly outbox: Outbox,
    private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ROUTING_SWEEP_OPTIONS) private readonly opts: RoutingSweepOptions,
    private readonly metrics: RoutingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const every = (ms: number, fn: () => Promise<void>): void => {
      if (ms <= 0) return;
      const t = setInterval(() => {
        this.running = this.running
          .then(fn)
          .catch((err: Error) => this.log.warn({ err: err.message }, 'routing sweep failed'));
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.opts.sweepMs, () => this.sweep());
    every(this.opts.outboxMs, () => this.relayOutbox());
  }

  async onModuleDestroy(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.running;
  }

  /** One pass for every brand in memory: SLA timers, then pulls that time alone made possible. */
  async sweep(): Promise<void> {
    for (const brandId of this.writer.cachedBrands()) {
      const written = await this.writer.write(brandId, async (ctx, tx) => {
        sweepSla(ctx);
        drainAll(ctx);
        // In the transaction that records the warning or breach: announced once, even across a crash.
        await this.outbox.add(tx, brandId, this.alertEvents(brandId, ctx.changes.alerts, ctx.state));
      });
      if (!written || written.changes.alerts.length === 0) continue;
      await this.outbox.flush(brandId);
      for (const a of written.changes.alerts) {
        this.metrics.slaAlerts.inc({ kind: a.kind, queue: a.queueId });
        this.log.warn(
          { brandId, ...a, deadline: new Date(a.deadline).toISOString() },
          `SLA ${a.kind}: supervisors alerted`,
        );
      }
    }
  }

  /** conversation.sla_alert for supervisors, as the conversation stands after the sweep's decisions. */
  private alertEvents(brandId: string, alerts: readonly SlaAlert[], state: BrandState): OutboxEvent[] {
    const at = new Date(this.clock.now()).toISOString();

    return alerts.map((a) => {
      const conv = state.byId.get(a.conversationId);
      const payload: ConversationSlaAlertV1 = {
        schema: 1,
        brandId,
        conversationId: a.conversationId,
        kind: a.kind,
        queueId: a.queueId,
        currentQueueId: conv?.queueId ?? a.queueId,
        assigneeId: conv?.assigneeId ?? null,
        status: conv?.status === 'assigned' || conv?.status === 'snoozed' ? conv.status : 'waiting',
        priority: conv?.priority ?? a.priority,
        deadline: new Date(a.deadline).toISOString(),
        action: a.action,
        at,
      };

      return outboxEvent(Events.ConversationSlaAlert, payload, {
        msgId: `sla:${a.kind}:${a.conversationId}`,
      });
    });
  }

  /** Per brand (row-level security): which brands have old events, then each brand's events as that brand. */
  async relayOutbox(): Promise<void> {
    let budget = 1000;
    for (const brandId of await this.repo.outboxBrands(this.ds, 5_000)) {
      if (budget <= 0) break;
      const pending = await withBrand(this.ds, brandId, (tx) =>
        this.repo.pendingOutbox(tx, brandId, 5_000, budget),
      );
      if (pending.length === 0) continue;
      budget -= pending.length;
      await this.bus.publishAll(
        Events.ConversationAssigned,
        pending.map((p) => ({ payload: p.payload, opts: { brandId, msgId: p.msgId } })),
      );
      await withBrand(this.ds, brandId, (tx) =>
        this.repo.deleteOutbox(
          tx,
          brandId,
          pending.map((p) => p.id),
        ),
      );
    }
  }
}
