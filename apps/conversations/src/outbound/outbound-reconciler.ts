import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundRepository } from '../data/outbound.repository';

const BATCH = 50;

/**
 * Settles outbound posts left pending, sending or unknown (a crash between the X call and the
 * commit, an unclear answer from X): at start and then periodically, each by looking on X before
 * posting again (`OutboundDispatcher.settle`). Leases keep several instances (and the request
 * still sending a post) from settling the same row twice; a post still unclear is held off longer
 * each time, never given up as failed.
 */
@Injectable()
export class OutboundReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(OutboundReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly ledger: OutboundRepository,
    private readonly dispatcher: OutboundDispatcher,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

  onApplicationBootstrap(): void {
    this.tick();
  }

  /** One pass over everything due now; returns how many rows it settled (tests call it directly). */
  async runOnce(): Promise<number> {
    let settled = 0;
    for (;;) {
      const due = await this.ledger.claimUnsettled(this.settings.outboundLeaseMs, BATCH);
      for (const u of due) {
        try {
          const outcome = await this.dispatcher.settle(u);
          if (outcome !== 'deferred') settled++;
          this.log.log({ key: u.entry.idempotencyKey, state: u.state, outcome }, 'outbound post reconciled');
        } catch (err) {
          // Left with its lease: the next pass after expiry tries again.
          this.log.warn(
            { key: u.entry.idempotencyKey, err: (err as Error).message },
            'outbound reconciliation failed',
          );
        }
      }
      if (due.length < BATCH || this.stopped) return settled;
    }
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((err: unknown) =>
        this.log.warn({ err: (err as Error).message }, 'outbound reconciler pass failed'),
      )
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.settings.reconcileIntervalMs);
      });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
