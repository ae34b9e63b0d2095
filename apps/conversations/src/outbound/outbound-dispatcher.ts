import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, Events, type MessageView } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { readDmSendResult } from '@roost/x-client';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { QueueSnapshots } from '../conversations/queue-snapshots';
import { CONVERSATIONS_SETTINGS, type ConversationsSettings } from '../settings/conversations.settings';
import { OutboundRepository, type LedgerEntry, type UnsettledEntry } from './outbound.repository';
import { XAccounts } from './x-accounts';
import { XPostLookup } from './x-post-lookup';

const MAX_ATTEMPTS = 3;
const CRASH_EXIT_CODE = 137;
/** After this many attempts in total the reconciler stops and leaves the post failed for a human. */
const MAX_RECONCILE_ATTEMPTS = 6;

export type SettleOutcome = 'found' | 'posted' | 'failed' | 'deferred';

/**
 * Posts what the ledger holds, exactly once: the request path sends at once; the reconciler settles
 * what a crash or a lost answer left unsettled by looking on X before it posts again.
 */
@Injectable()
export class OutboundDispatcher {
  private readonly log = new Logger(OutboundDispatcher.name);

  constructor(
    private readonly ledger: OutboundRepository,
    private readonly x: XAccounts,
    private readonly lookup: XPostLookup,
    private readonly bus: EventBus,
    private readonly queues: QueueSnapshots,
    @Inject(CONVERSATIONS_SETTINGS) private readonly settings: ConversationsSettings,
  ) {}

  /**
   * The request path: post now, retry 429/5xx with backoff, typed errors for the agent. Resolves to
   * the conversation's message (null for a post outside any conversation: the status tweet).
   */
  async send(entry: LedgerEntry): Promise<MessageView | null> {
    let lastError = '';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.ledger.markSending(entry.brandId, entry.idempotencyKey, this.settings.outboundLeaseMs);
      let xId: string;
      try {
        xId = await this.post(entry);
      } catch (err) {
        if (err instanceof ApiResponseError && (err.code === 429 || err.code >= 500)) {
          lastError = `${err.code} ${err.message}`;
          await sleep(retryDelay(err, attempt));
          continue;
        }
        throw await this.refused(entry, err);
      }
      if (this.settings.crashAfterPost) {
        // Test hook: the worst moment to die, X has the post and the ledger does not know. exit() is
        // synchronous: no commit, no shutdown hook runs, like a crash (and the exit code is visible).
        process.exit(CRASH_EXIT_CODE);
      }

      return this.committed(entry, xId);
    }
    await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, lastError, 'failed', entry.claim);
    throw new DomainError(ErrorCode.UpstreamUnavailable, 'X is unavailable; try again shortly', { reason: 'X_UNAVAILABLE' });
  }

  /** The reconciler path: look on X first; post only when X does not have it. */
  async settle(u: UnsettledEntry): Promise<SettleOutcome> {
    const { entry } = u;
    const found = await this.lookup.find(entry, u.createdAt);
    if (found) {
      await this.committed(entry, found);

      return 'found';
    }
    if (u.attempts >= MAX_RECONCILE_ATTEMPTS) {
      await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, 'gave up after reconciliation', 'failed');

      return 'failed';
    }
    await this.ledger.markSending(entry.brandId, entry.idempotencyKey, this.settings.outboundLeaseMs);
    try {
      const xId = await this.post(entry);
      await this.committed(entry, xId);

      return 'posted';
    } catch (err) {
      if (isDuplicate(err)) {
        // X refuses the same text twice: the first post went through, find it (X can lag a moment).
        const again = await this.lookup.find(entry, u.createdAt);
        if (again) {
          await this.committed(entry, again);

          return 'found';
        }
        await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, 'duplicate content, post not found yet', 'unknown');

        return 'deferred';
      }
      if (err instanceof ApiResponseError && (err.code === 429 || err.code >= 500)) {
        await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, `${err.code} ${err.message}`, 'unknown');

        return 'deferred';
      }
      await this.refused(entry, err).catch(() => undefined);

      return 'failed';
    }
  }

  private async refused(entry: LedgerEntry, err: unknown): Promise<DomainError> {
    if (err instanceof ApiResponseError) {
      const detail = xErrorDetail(err);
      await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, `${err.code} ${detail}`, 'failed', entry.claim);
      const policy = err.code === 403 && /not allowed because you have not been mentioned/i.test(detail);

      return new DomainError(err.code === 403 ? ErrorCode.Forbidden : ErrorCode.BadUserInput, `X refused the ${entry.kind}: ${detail}`, {
        reason: policy ? 'X_REPLY_POLICY' : err.code === 403 ? 'X_REFUSED' : 'X_REJECTED',
        status: err.code,
        ...(policy ? { offered: ['dm', 'open_in_x', 'quote'] } : {}),
      });
    }
    if (err instanceof ApiRequestError) {
      // The request may have reached X: an unknown outcome, settled by the reconciler, never blindly retried.
      await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, err.message, 'unknown');

      return new DomainError(ErrorCode.UpstreamUnavailable, 'X did not answer; the reply is held for reconciliation', {
        reason: 'OUTCOME_UNKNOWN',
      });
    }

    throw err;
  }

  private async post(entry: LedgerEntry): Promise<string> {
    const client = this.x.clientFor(entry.accountHandle);
    if (entry.kind === 'dm') {
      // twitter-api-v2 types the answer without X's `data` wrapper: read either shape.
      return readDmSendResult(await client.v2.sendDmToParticipant(entry.recipientXId ?? '', { text: entry.text })).dm_event_id;
    }
    const res = entry.inReplyToXId ? await client.v2.reply(entry.text, entry.inReplyToXId) : await client.v2.tweet(entry.text);

    return res.data.id;
  }

  /** The post is on X: commit it; an agent's post is announced (`message.sent`), an automatic one is no response and is not. */
  private async committed(entry: LedgerEntry, xId: string): Promise<MessageView | null> {
    const sent = await this.ledger.markSent(entry, xId);
    this.log.log({ conversationId: entry.conversationId, kind: entry.kind, purpose: entry.purpose, xId }, 'post committed');
    if (!sent || !entry.conversationId) return null;
    if (entry.purpose === 'agent') {
      await this.bus.publish(
        Events.MessageSent,
        {
          schema: 1,
          brandId: entry.brandId,
          conversationId: entry.conversationId,
          messageId: entry.messageId,
          agentId: entry.agentId,
          queueId: sent.queueId || null,
          channel: entry.channel,
          xId,
          ...(entry.inReplyToXId ? { inReplyToXId: entry.inReplyToXId } : {}),
          firstResponse: sent.firstResponse,
          conversationOpenedAt: sent.openedAt.toISOString(),
          sentAt: new Date().toISOString(),
        },
        { brandId: entry.brandId, msgId: `sent:${entry.brandId}:${entry.idempotencyKey}` },
      );
    }
    // Consoles refresh the conversation either way; routing's SLA clock and metrics' first response
    // hear only of an agent's post (above): an automatic one is no response.
    if (sent.queueId) {
      this.queues.publish(entry.brandId, sent.queueId, {
        reason: 'message_sent',
        conversationId: entry.conversationId,
        conversationStatus: null,
        assigneeId: entry.purpose === 'agent' ? entry.agentId : null,
        sourceCreatedAt: null,
      });
    }

    return sent.message;
  }
}

function isDuplicate(err: unknown): boolean {
  return err instanceof ApiResponseError && err.code === 403 && /duplicate/i.test(xErrorDetail(err));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Honour x-rate-limit-reset when X sends it, but never hold the agent's request for long. */
function retryDelay(err: ApiResponseError, attempt: number): number {
  const reset = err.rateLimit?.reset;
  if (reset) return Math.min(2000, Math.max(100, reset * 1000 - Date.now()));

  return 200 * 2 ** (attempt - 1);
}

function xErrorDetail(err: ApiResponseError): string {
  const data = err.data as { detail?: string; title?: string } | undefined;

  return data?.detail ?? data?.title ?? err.message;
}
