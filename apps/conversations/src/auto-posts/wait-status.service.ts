import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import type { QueueWaitEstimatedV1 } from '@roost/contracts';
import { validateReply } from '@roost/x-text';
import { GuidelinesRepository } from '../data/guidelines.repository';
import { OutboundDispatcher } from '../outbound/outbound-dispatcher';
import type { LedgerEntry } from '../data/outbound.repository';
import { DEFAULT_WAIT_STATUS_TEMPLATE } from '../common/auto-post-defaults';
import { formatClock, formatWait, renderTemplate } from './auto-post-template';
import { AutoPostsRepository } from '../data/auto-posts.repository';
import { WaitStatusRepository, type WaitStatusClaim } from '../data/wait-status.repository';

/**
 * An estimate older than this is history (a new durable consumer starts from the stream's start,
 * and a backlog after an outage is no news to customers): never tweeted.
 */
const STALE_ESTIMATE_MS = 10 * 60_000;

export type WaitStatusOutcome = 'off' | 'stale' | 'no_account' | 'invalid_text' | WaitStatusClaim;

/** The time bucket of an estimate: one status tweet per queue per `minIntervalMinutes`, whoever posts it. */
export function waitStatusKey(p: {
  brandId: string;
  queueId: string;
  at: Date;
  minIntervalMs: number;
}): string {
  const bucket = new Date(Math.floor(p.at.getTime() / p.minIntervalMs) * p.minIntervalMs).toISOString();

  return `wait-status:${p.brandId}:${p.queueId}:${bucket}`;
}

/**
 * Issue 6: a standalone status tweet with a queue's expected wait, when the brand turned it on, at
 * most once per interval and only when the wait moved enough. Through the outbound ledger, keyed by
 * the time bucket, so several instances and redeliveries post it once.
 */
@Injectable()
export class WaitStatusService {
  private readonly log = new Logger(WaitStatusService.name);
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly autoPosts: AutoPostsRepository,
    private readonly repo: WaitStatusRepository,
    private readonly guidelines: GuidelinesRepository,
    private readonly dispatcher: OutboundDispatcher,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

  async handle(e: QueueWaitEstimatedV1, now = new Date()): Promise<WaitStatusOutcome> {
    const at = new Date(e.at);
    if (now.getTime() - at.getTime() > STALE_ESTIMATE_MS) return 'stale';
    const ws = (await this.autoPosts.get(e.brandId)).waitStatus;
    if (!ws.enabled || ws.queueId !== e.queueId) return 'off';
    const accountHandle = ws.accountHandle ?? (await this.repo.latestAccountHandle(e.brandId));
    if (!accountHandle) {
      this.log.warn(
        { brandId: e.brandId, queueId: e.queueId },
        'wait status not posted: no brand handle known',
      );

      return 'no_account';
    }
    const text = renderTemplate(ws.template.trim() || DEFAULT_WAIT_STATUS_TEMPLATE, {
      wait: formatWait(e.expectedWaitSeconds),
      wait_minutes: String(Math.round(e.expectedWaitSeconds / 60)),
      time: formatClock(at, ws.timezone),
    });
    const { bannedPhrases } = await this.guidelines.get(e.brandId);
    const checked = validateReply({ text, channel: 'public', brandHandles: [accountHandle], bannedPhrases });
    if (!checked.ok) {
      this.log.warn(
        { brandId: e.brandId, queueId: e.queueId, errors: checked.errors.map((x) => x.code) },
        'wait status not posted: text refused',
      );

      return 'invalid_text';
    }
    const minIntervalMs = ws.minIntervalMinutes * 60_000;
    const entry: LedgerEntry = {
      brandId: e.brandId,
      idempotencyKey: waitStatusKey({ brandId: e.brandId, queueId: e.queueId, at, minIntervalMs }),
      messageId: randomUUID(),
      conversationId: null,
      purpose: 'wait_status',
      kind: 'reply',
      accountHandle,
      text: checked.finalText,
      inReplyToXId: null,
      recipientXId: null,
      agentId: null,
      channel: 'public',
    };
    const claim = await this.repo.claimAndRecord({
      entry,
      queueId: e.queueId,
      at,
      waitSeconds: e.expectedWaitSeconds,
      minIntervalMs,
      minChangePercent: ws.minChangePercent,
      leaseMs: this.settings.outboundLeaseMs,
    });
    if (claim === 'recorded') {
      // Refused or unknown outcomes stay in the ledger (failed / reconciled); the estimate is settled either way.
      await this.dispatcher.send(entry).catch((err: unknown) => {
        this.log.warn({ key: entry.idempotencyKey, err: (err as Error).message }, 'wait status not posted');
      });
    }

    return claim;
  }
}
