import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import { OutboundDispatcher } from './outbound-dispatcher';
import { AttachmentsRepository } from '../data/attachments.repository';
import { OutboundRepository } from '../data/outbound.repository';

const BATCH = 50;
/** Attachments no post took within this long are deleted (X would have expired their upload too). */
export const ATTACHMENT_TTL_MS = 24 * 3_600_000;
/** How often the reconciler also sweeps stale attachments. */
const ATTACHMENT_SWEEP_MS = 15 * 60_000;

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
  private lastAttachmentSweep = 0;
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly ledger: OutboundRepository,
    private readonly dispatcher: OutboundDispatcher,
    private readonly attachments: AttachmentsRepository,
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

  /** Deletes attachments no post took within ATTACHMENT_TTL_MS (tests call it with their own clock). */
  async sweepAttachments(now = new Date()): Promise<number> {
    const deleted = await this.attachments.deleteStale(new Date(now.getTime() - ATTACHMENT_TTL_MS));
    if (deleted > 0) this.log.log({ deleted }, 'stale attachments deleted');

    return deleted;
  }

  private tick(): void {
    if (this.stopped) return;
    const sweep = Date.now() - this.lastAttachmentSweep >= ATTACHMENT_SWEEP_MS;
    if (sweep) this.lastAttachmentSweep = Date.now();
    this.running = this.runOnce()
      .then(() => (sweep ? this.sweepAttachments() : 0))
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
