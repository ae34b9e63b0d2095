import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Events, LiveEvents, RoutingRpc, type QueueWaitEstimatedV1 } from '@roost/contracts';
import { ROOST_ENV, type MetricsEnv, type RoostEnv } from '@roost/config';
import { EventBus, LiveChannel, RpcClient } from '@roost/messaging';
import { MetricsAppMetrics } from '../common/metrics.metrics';
import { ReportRepository } from '../data/report.repository';
import { DEFAULT_HANDLE_SECONDS, expectedWaitSeconds } from './expected-wait';

/** Handle times of conversations resolved in this window feed the estimate. */
const RECENT_MS = 7 * 86_400_000;

/**
 * Every `METRICS_WAIT_INTERVAL_MS`: the expected wait of every queue of each brand metrics has
 * seen, from routing's staffing now (waiting, agents online and on shift, free slots, open hours:
 * the rules routing assigns by) and the queue's handle times of the last week; published
 * durable (`queue.wait_estimated`) and live (`waitTimeUpdated`). The message id is the queue and
 * the tick, so several metrics instances publishing the same tick are de-duplicated by JetStream.
 */
@Injectable()
export class WaitPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(WaitPublisher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  /** Brand → the last estimates and when (answers MetricsRpc.LatestWaits between ticks). */
  private readonly latest = new Map<string, { at: number; waits: QueueWaitEstimatedV1[] }>();
  private readonly settings: MetricsEnv;

  constructor(
    private readonly repo: ReportRepository,
    private readonly rpc: RpcClient,
    private readonly bus: EventBus,
    private readonly live: LiveChannel,
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly metrics: MetricsAppMetrics,
  ) {
    this.settings = env.metrics;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.tick().catch((err: Error) =>
        this.log.error({ err: err.message }, 'wait estimation failed'),
      );
    }, this.settings.waitIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One computation for every brand and queue; returns what was published. */
  async tick(now = new Date()): Promise<QueueWaitEstimatedV1[]> {
    const brands = await this.repo.queueBrands();
    const tickNo = Math.floor(now.getTime() / this.settings.waitIntervalMs);
    const out: QueueWaitEstimatedV1[] = [];
    for (const brandId of brands) {
      let estimates: QueueWaitEstimatedV1[];
      try {
        estimates = await this.estimate(brandId, now);
      } catch (err) {
        this.log.warn({ brandId, err: (err as Error).message }, 'routing unavailable, wait not estimated');
        continue;
      }
      for (const event of estimates) {
        await this.bus.publish(Events.QueueWaitEstimated, event, {
          brandId,
          msgId: `wait:${event.queueId}:${tickNo}`,
        });
        this.live.publish(LiveEvents.WaitTimeUpdated, brandId, event.queueId, event);
        out.push(event);
      }
    }

    return out;
  }

  /**
   * The brand's expected wait per queue: the last tick's when it is recent, else computed now (a
   * fresh instance, or a brand no tick has reached yet). Routing unreachable: an error.
   */
  async latestFor(brandId: string, now = new Date()): Promise<QueueWaitEstimatedV1[]> {
    const last = this.latest.get(brandId);
    if (last && now.getTime() - last.at < 2 * this.settings.waitIntervalMs) return last.waits;

    return this.estimate(brandId, now);
  }

  /**
   * Routing's staffing of each queue now and the queue's handle times of the last week, through
   * one formula. A closed or unstaffed queue has no estimate (the wait is unbounded; the contract
   * carries a number).
   */
  private async estimate(brandId: string, now: Date): Promise<QueueWaitEstimatedV1[]> {
    const { queues } = await this.rpc.request(RoutingRpc.QueueStaffing, { brandId });
    const handle = await this.repo.recentHandleMs(brandId, new Date(now.getTime() - RECENT_MS));
    const waits: QueueWaitEstimatedV1[] = [];
    for (const q of queues) {
      const handleSeconds = (handle.get(q.queueId) ?? DEFAULT_HANDLE_SECONDS * 1000) / 1000;
      const wait = q.open
        ? expectedWaitSeconds({ waiting: q.waiting, slots: q.slots, free: q.free, handleSeconds })
        : null;
      if (wait === null) {
        this.metrics.expectedWaitSeconds.remove({ queue: q.queueId });
        continue;
      }
      const event: QueueWaitEstimatedV1 = {
        schema: 1,
        brandId,
        queueId: q.queueId,
        expectedWaitSeconds: Math.round(wait),
        waiting: q.waiting,
        agentsOnline: q.agentsOnline,
        handleTimeSeconds: Math.round(handleSeconds),
        at: now.toISOString(),
      };
      this.metrics.expectedWaitSeconds.set({ queue: q.queueId }, event.expectedWaitSeconds);
      waits.push(event);
    }
    this.latest.set(brandId, { at: now.getTime(), waits });

    return waits;
  }
}
