import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, Events, type MessageView, type RpcRequest, type Rpc } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { formatSignature, validateReply } from '@roost/x-text';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { ConversationRepository } from '../conversations/conversation.repository';
import { QueueSnapshots } from '../conversations/queue-snapshots';
import { OutboundRepository, type LedgerEntry } from './outbound.repository';
import { replyRefused } from './reply-errors';
import { XAccounts } from './x-accounts';

type ReplyRequest = RpcRequest<typeof Rpc.Reply>;

const MAX_ATTEMPTS = 3;

/**
 * Agent replies: checked against X's text rules, recorded in the ledger, posted through
 * twitter-api-v2 (threaded under the customer's latest tweet, or as a DM), then committed.
 */
@Injectable()
export class OutboundService {
  private readonly log = new Logger(OutboundService.name);

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly ledger: OutboundRepository,
    private readonly x: XAccounts,
    private readonly bus: EventBus,
    private readonly queues: QueueSnapshots,
  ) {}

  async reply(req: ReplyRequest): Promise<MessageView> {
    const key = req.idempotencyKey ?? randomUUID();
    if (req.idempotencyKey) {
      const existing = await this.ledger.messageByKey(req.brandId, key);
      if (existing) return existing;
    }
    const rec = await this.conversations.get(req.brandId, req.conversationId);
    if (!rec) throw DomainError.notFound('conversation', req.conversationId);
    const channel = rec.view.channel;
    if (channel === 'public' && rec.view.replyPath !== 'public') {
      throw new DomainError(ErrorCode.BadUserInput, 'X does not let the API answer this tweet in public', {
        reason: 'PUBLIC_REPLY_NOT_ALLOWED',
        replyPath: rec.view.replyPath,
      });
    }
    if (!rec.lastInbound) throw new DomainError(ErrorCode.Conflict, 'nothing to reply to yet', { reason: 'NO_INBOUND_MESSAGE' });
    const checked = validateReply({
      text: req.text,
      signature: channel === 'public' ? formatSignature(req.agentInitials) : undefined,
      channel,
      brandHandles: [rec.accountHandle],
    });
    if (!checked.ok) throw replyRefused(checked.errors);
    const entry: LedgerEntry = {
      brandId: req.brandId,
      idempotencyKey: key,
      messageId: randomUUID(),
      conversationId: req.conversationId,
      kind: channel === 'dm' ? 'dm' : 'reply',
      accountHandle: rec.accountHandle,
      text: checked.finalText,
      inReplyToXId: channel === 'public' ? rec.lastInbound.xId : null,
      recipientXId: channel === 'dm' ? rec.lastInbound.authorXId : null,
      agentId: req.agentId,
      channel,
    };
    if (!(await this.ledger.record(entry))) {
      const existing = await this.ledger.messageByKey(req.brandId, key);
      if (existing) return existing;
    }

    return this.send(entry);
  }

  private async send(entry: LedgerEntry): Promise<MessageView> {
    let lastError = '';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.ledger.markSending(entry.brandId, entry.idempotencyKey);
      try {
        const xId = await this.post(entry);

        return await this.committed(entry, xId);
      } catch (err) {
        if (err instanceof ApiResponseError) {
          lastError = `${err.code} ${err.message}`;
          if (err.code === 429 || err.code >= 500) {
            await sleep(retryDelay(err, attempt));
            continue;
          }
          await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, lastError, 'failed');
          throw new DomainError(
            err.code === 403 ? ErrorCode.Forbidden : ErrorCode.BadUserInput,
            `X refused the ${entry.kind}: ${xErrorDetail(err)}`,
            { reason: err.code === 403 ? 'X_REFUSED' : 'X_REJECTED', status: err.code },
          );
        }
        if (err instanceof ApiRequestError) {
          // The request may have reached X: an unknown outcome, never blindly retried (RELIABILITY.md).
          await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, err.message, 'unknown');
          throw new DomainError(ErrorCode.UpstreamUnavailable, 'X did not answer; the reply is held for reconciliation', {
            reason: 'OUTCOME_UNKNOWN',
          });
        }
        throw err;
      }
    }
    await this.ledger.markFailed(entry.brandId, entry.idempotencyKey, entry.messageId, lastError, 'failed');
    throw new DomainError(ErrorCode.UpstreamUnavailable, 'X is unavailable; try again shortly', { reason: 'X_UNAVAILABLE' });
  }

  private async post(entry: LedgerEntry): Promise<string> {
    const client = this.x.clientFor(entry.accountHandle);
    if (entry.kind === 'dm') {
      const res = await client.v2.sendDmToParticipant(entry.recipientXId ?? '', { text: entry.text });

      return res.dm_event_id;
    }
    const res = await client.v2.reply(entry.text, entry.inReplyToXId ?? '');

    return res.data.id;
  }

  private async committed(entry: LedgerEntry, xId: string): Promise<MessageView> {
    const sent = await this.ledger.markSent(entry, xId);
    const now = new Date().toISOString();
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
        sentAt: now,
      },
      { brandId: entry.brandId, msgId: `sent:${entry.brandId}:${entry.idempotencyKey}` },
    );
    if (sent.queueId) {
      this.queues.publish(entry.brandId, sent.queueId, {
        reason: 'message_sent',
        conversationId: entry.conversationId,
        conversationStatus: null,
        assigneeId: entry.agentId,
        sourceCreatedAt: null,
      });
    }
    this.log.log({ conversationId: entry.conversationId, kind: entry.kind, xId }, 'reply posted');

    return sent.message;
  }
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
