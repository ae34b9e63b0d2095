import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, LiveEvents, Rpc, type QueueWaitEstimatedV1 } from '@roost/contracts';
import { EventBus, LiveChannel, RpcClient } from '@roost/messaging';
import { Gauge, Registry } from 'prom-client';
import { METRICS_ENV, type MetricsEnv } from '../metrics-env';
import { ReportRepository } from '../reports/report.repository';
import { DEFAULT_HANDLE_SECONDS, expectedWaitSeconds } from './expected-wait';

/** Handle times of conversations resolved in this window feed the estimate. */
const RECENT_MS = 7 * 86_400_000;

/**
 * Every `METRICS_WAIT_INTERVAL_MS`: the expected wait of every queue metrics has seen a snapshot
 * of, from its waiting count, the online agents routing reports and recent handle times; published
 * durable (`queue.wait_estimated`) and live (`waitTimeUpdated`). The message id is the queue and
 * the tick, so several metrics instances publishing the same tick are de-duplicated by JetStream.
 */
@Injectable()
export class WaitPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(WaitPublisher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly gauge: Gauge<'queue'>;

  constructor(
    private readonly repo: ReportRepository,
    private readonly rpc: RpcClient,
    private readonly bus: EventBus,
    private readonly live: LiveChannel,
    @Inject(METRICS_ENV) private readonly env: MetricsEnv,
    registry: Registry,
  ) {
    this.gauge = new Gauge({
      name: 'roost_queue_expected_wait_seconds',
      help: 'Expected wait of a new arrival per queue (last computation)',
      labelNames: ['queue'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.tick().catch((err: Error) => this.log.error({ err: err.message }, 'wait estimation failed'));
    }, this.env.waitIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One computation for every brand and queue; returns what was published. */
  async tick(now = new Date()): Promise<QueueWaitEstimatedV1[]> {
    const states = await this.repo.queueStates();
    const brands = [...new Set(states.map((s) => s.brandId))];
    const tickNo = Math.floor(now.getTime() / this.env.waitIntervalMs);
    const out: QueueWaitEstimatedV1[] = [];
    for (const brandId of brands) {
      let agents;
      try {
        ({ agents } = await this.rpc.request(Rpc.GetAgents, { brandId }));
      } catch (err) {
        this.log.warn({ brandId, err: (err as Error).message }, 'agents unavailable, wait not estimated');
        continue;
      }
      const handle = await this.repo.recentHandleMs(brandId, new Date(now.getTime() - RECENT_MS));
      for (const s of states.filter((x) => x.brandId === brandId)) {
        const online = agents.filter((a) => a.status === 'online' && a.queueIds.includes(s.queueId));
        const slots = online.reduce((n, a) => n + a.capacity, 0);
        const free = online.reduce((n, a) => n + Math.max(0, a.capacity - a.load), 0);
        const handleSeconds = (handle.get(s.queueId) ?? DEFAULT_HANDLE_SECONDS * 1000) / 1000;
        const wait = expectedWaitSeconds({ waiting: s.waiting, slots, free, handleSeconds });
        // Nobody staffs the queue: the wait is unbounded and the contract carries a number, so nothing is published.
        if (wait === null) continue;
        const event: QueueWaitEstimatedV1 = {
          schema: 1,
          brandId,
          queueId: s.queueId,
          expectedWaitSeconds: Math.round(wait),
          waiting: s.waiting,
          agentsOnline: online.length,
          handleTimeSeconds: Math.round(handleSeconds),
          at: now.toISOString(),
        };
        await this.bus.publish(Events.QueueWaitEstimated, event, { brandId, msgId: `wait:${s.queueId}:${tickNo}` });
        this.live.publish(LiveEvents.WaitTimeUpdated, brandId, s.queueId, event);
        this.gauge.set({ queue: s.queueId }, event.expectedWaitSeconds);
        out.push(event);
      }
    }

    return out;
  }
}
