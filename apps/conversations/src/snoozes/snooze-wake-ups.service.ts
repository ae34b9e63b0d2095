import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { Events } from '@roost/contracts';
import { Outbox, outboxEvent } from '@roost/messaging';
import { Clock } from '@roost/platform';
import { SnoozeRepository, type Woken } from '../data/snooze.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

const BATCH = 200;

/**
 * Wakes snoozed conversations when their time comes: at start (a snooze that fell due while the
 * service was down wakes then) and every `CONVERSATIONS_SNOOZE_SWEEP_MS`. The due rows are the
 * durable timer; each is woken in one transaction with its audit row and its
 * `conversation.status_changed` (reason `unsnoozed`, no actor) in the outbox, claimed `SKIP LOCKED`
 * so several instances wake each conversation once. Routing then gives it back to its agent or
 * puts it on the waiting list (routing's status-changes.ts), as for an agent's reopen.
 */
@Injectable()
export class SnoozeWakeUps implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(SnoozeWakeUps.name);
  private readonly sweepMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly repo: SnoozeRepository,
    private readonly outbox: Outbox,
    private readonly queues: QueueSnapshots,
    private readonly clock: Clock,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.sweepMs = env.conversations.snoozeSweepMs;
  }

  onApplicationBootstrap(): void {
    this.tick();
  }

  /** One pass: wakes every snooze due now, brand by brand; returns how many (tests call it directly). */
  async runOnce(): Promise<number> {
    const now = new Date(this.clock.now());
    let woken = 0;
    for (const brandId of await this.repo.dueBrands(now)) {
      for (;;) {
        const batch = await this.repo.wakeDue({
          brandId,
          now,
          limit: BATCH,
          within: (tx, rows) =>
            this.outbox.add(
              tx,
              brandId,
              rows.map((w) => this.statusChanged(brandId, w, now)),
            ),
        });
        woken += batch.length;
        if (batch.length > 0) this.announce(brandId, batch);
        if (batch.length < BATCH || this.stopped) break;
      }
    }

    return woken;
  }

  private statusChanged(brandId: string, w: Woken, now: Date) {
    return outboxEvent(
      Events.ConversationStatusChanged,
      {
        schema: 1,
        brandId,
        conversationId: w.conversationId,
        queueId: w.queueId,
        assigneeId: w.assigneeId,
        status: w.status,
        previousStatus: 'snoozed',
        reason: 'unsnoozed',
        actorId: null,
        openedAt: w.openedAt.toISOString(),
        at: now.toISOString(),
      },
      // The version the wake-up made: an agent's status change uses the same key shape.
      { msgId: `status:${brandId}:${w.conversationId}:${w.version}` },
    );
  }

  /** After the commit: the outbox publishes now, and consoles hear the change. */
  private announce(brandId: string, woken: readonly Woken[]): void {
    this.outbox.kick(brandId);
    for (const w of woken) {
      this.log.log(
        { brandId, conversationId: w.conversationId, status: w.status },
        'snoozed conversation woken',
      );
      this.queues.publish(brandId, w.queueId, {
        reason: 'conversation_updated',
        conversationId: w.conversationId,
        conversationStatus: w.status,
        assigneeId: w.assigneeId,
        sourceCreatedAt: null,
      });
    }
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.runOnce()
      .catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'snooze wake-up pass failed'))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.sweepMs);
      });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
