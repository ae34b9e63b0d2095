import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import { DomainError, ErrorCode, Events, type MessageView } from '@roost/contracts';
import { Outbox, outboxEvent, type OutboxEvent } from '@roost/messaging';
import { classifyPostError, PostWithoutIdError, readDmSendResult, type PostFailure } from '@roost/x-client';
import type { TwitterApi } from 'twitter-api-v2';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';
import {
  OutboundRepository,
  type LedgerEntry,
  type SentRecord,
  type UnsettledEntry,
} from '../data/outbound.repository';
import { AttachmentsService, MediaUploadError } from './attachments.service';
import { XAccounts } from './x-accounts';
import { XPostLookup } from './x-post-lookup';

/** Attempts on the request path (each after the first looks on X before it posts again). */
const MAX_ATTEMPTS = 3;
const CRASH_EXIT_CODE = 137;
/**
 * Attempts (request path and reconciler together) after which a post whose media upload keeps
 * failing unclearly is failed and its customer's message released, instead of retried for ever.
 */
export const MAX_MEDIA_UPLOAD_ATTEMPTS = 5;
/** The reconciler's wait before it looks again at a post whose outcome stayed unclear: doubles per attempt, up to this. */
const MAX_RECONCILE_BACKOFF_MS = 15 * 60_000;

export type SettleOutcome = 'found' | 'posted' | 'failed' | 'deferred';

/** What one post attempt came to: on X (with its id), refused (typed error for the agent), or unclear. */
type Attempt =
  | { done: 'posted'; xId: string }
  | { done: 'refused'; error: DomainError }
  | { done: 'unclear'; failure: PostFailure }
  | { done: 'lost' };

/**
 * Posts what the ledger holds, exactly once. X has no idempotency key (RELIABILITY.md): only a
 * success or a clear refusal settles a post. Any unclear answer (5xx, 429, timeout, reset) leaves
 * the row `unknown`, and nothing posts it again before looking on X for it: the request path looks
 * and retries a few times, the reconciler settles what is left (and what a crash left). A 403
 * "duplicate content" after an unclear attempt means that attempt went through.
 */
@Injectable()
export class OutboundDispatcher {
  private readonly log = new Logger(OutboundDispatcher.name);
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly ledger: OutboundRepository,
    private readonly x: XAccounts,
    private readonly lookup: XPostLookup,
    private readonly outbox: Outbox,
    private readonly queues: QueueSnapshots,
    private readonly attachments: AttachmentsService,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

  /**
   * The request path: post now; after an unclear answer look on X, then post again, with backoff.
   * Resolves to the conversation's message (null for a post outside any conversation: the status
   * tweet). Still unclear after the attempts: the row stays `unknown` for the reconciler and the
   * agent hears OUTCOME_UNKNOWN (never "failed": the post may be on X).
   */
  async send(entry: LedgerEntry): Promise<MessageView | null> {
    const since = new Date();
    let last: PostFailure | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (last) {
        await sleep(retryDelay(attempt - 1));
        const found = await this.lookup.find(entry, since).catch((err: unknown) => {
          this.log.warn(
            { key: entry.idempotencyKey, err: (err as Error).message },
            'looking on X for an unclear post failed',
          );

          return undefined;
        });
        // The lookup failed: the reconciler looks again later; posting blind could post twice.
        if (found === undefined) break;
        if (found) return this.committed(entry, found);
      }
      const r = await this.attempt(entry, attempt > 1);
      if (r.done === 'posted') return this.committed(entry, r.xId);
      if (r.done === 'refused') throw r.error;
      // The lease ran out during a media upload and the reconciler has the post now.
      if (r.done === 'lost') break;
      last = r.failure;
      if (r.failure.kind === 'duplicate') {
        // X holds this text: the previous, unclear attempt went through. Find it (X can lag a moment).
        const found = await this.lookup.find(entry, since).catch(() => null);
        if (found) return this.committed(entry, found);
        break;
      }
    }
    throw new DomainError(
      ErrorCode.UpstreamUnavailable,
      'X did not answer clearly; the post is held until Roost has checked X for it',
      {
        reason: 'OUTCOME_UNKNOWN',
      },
    );
  }

  /** The reconciler path: look on X first; post only when X does not have it. */
  async settle(u: UnsettledEntry): Promise<SettleOutcome> {
    const { entry } = u;
    const found = await this.lookup.find(entry, u.createdAt);
    if (found) {
      await this.committed(entry, found);

      return 'found';
    }
    const r = await this.attempt(
      entry,
      u.attempts > 0,
      reconcileBackoff(this.settings.outboundLeaseMs, u.attempts),
    );
    if (r.done === 'posted') {
      await this.committed(entry, r.xId);

      return 'posted';
    }
    if (r.done === 'refused') return 'failed';
    if (r.done === 'lost') return 'deferred';
    if (r.failure.kind === 'duplicate') {
      const again = await this.lookup.find(entry, u.createdAt);
      if (again) {
        await this.committed(entry, again);

        return 'found';
      }
    }

    return 'deferred';
  }

  /**
   * One post: `sending` (with a lease) first, then the media (the lease renewed while it uploads;
   * the post is made only if the lease is still this attempt's), then X. A refusal fails the row
   * (releasing the claim); an unclear answer leaves it `unknown`; `retried` says an earlier attempt
   * may have gone through, which turns "duplicate content" from a refusal into "already posted".
   * A media upload X refused (or whose processing failed), or one still failing unclearly after
   * MAX_MEDIA_UPLOAD_ATTEMPTS, fails the row like a refused post.
   */
  private async attempt(entry: LedgerEntry, retried: boolean, holdOffMs?: number): Promise<Attempt> {
    const sending = await this.ledger.markSending(
      entry.brandId,
      entry.idempotencyKey,
      this.settings.outboundLeaseMs,
    );
    try {
      const client = this.x.clientFor(entry.accountHandle);
      let mediaIds: string[] = [];
      if (entry.attachmentIds?.length) {
        const uploaded = await this.uploadHoldingLease(entry, sending.lease, client);
        if (!uploaded) {
          this.log.warn({ key: entry.idempotencyKey }, 'lease lost during the media upload: not posting');

          return { done: 'lost' };
        }
        mediaIds = uploaded;
      }
      const xId = await this.post(entry, client, mediaIds);
      if (this.settings.crashAfterPost) {
        // Test hook: the worst moment to die, X has the post and the ledger does not know. exit() is
        // synchronous: no commit, no shutdown hook runs, like a crash (and the exit code is visible).
        process.exit(CRASH_EXIT_CODE);
      }

      return { done: 'posted', xId };
    } catch (err) {
      const media = err instanceof MediaUploadError ? err : null;
      if (media && (media.kind === 'refused' || sending.attempts >= MAX_MEDIA_UPLOAD_ATTEMPTS)) {
        return { done: 'refused', error: await this.mediaRefused(entry, media, sending.attempts) };
      }
      const failure: PostFailure | null = media
        ? { kind: 'unknown', status: media.status, detail: `media upload: ${media.detail}` }
        : classifyPostError(err);
      if (!failure) throw err;
      if (failure.kind === 'refused' || (failure.kind === 'duplicate' && !retried)) {
        return { done: 'refused', error: await this.refused(entry, failure) };
      }
      const error =
        failure.kind === 'duplicate'
          ? `duplicate content, post not found yet: ${failure.detail}`
          : `${failure.status ?? 'no answer'} ${failure.detail}`;
      await this.ledger.markUnknown({
        brandId: entry.brandId,
        key: entry.idempotencyKey,
        error,
        ...(holdOffMs ? { retryAfterMs: holdOffMs } : {}),
      });
      this.log.warn(
        { key: entry.idempotencyKey, kind: entry.kind, status: failure.status, outcome: failure.kind },
        'post outcome unclear',
      );

      return { done: 'unclear', failure };
    }
  }

  /**
   * The post's media ids, uploading what X does not have yet, while the attempt's lease is renewed
   * every third of its length (a GIF's upload and processing can outlast it). Null when the lease
   * was lost meanwhile (the reconciler took the row after it expired): the caller must not post.
   */
  private async uploadHoldingLease(
    entry: LedgerEntry,
    firstLease: string,
    client: TwitterApi,
  ): Promise<string[] | null> {
    const leaseMs = this.settings.outboundLeaseMs;
    let lease: string | null = firstLease;
    let renewing: Promise<void> = Promise.resolve();
    const renew = () => {
      renewing = renewing.then(async () => {
        if (!lease) return;
        lease = await this.ledger
          .renewLease(entry.brandId, entry.idempotencyKey, lease, leaseMs)
          .catch((err: unknown) => {
            this.log.warn({ key: entry.idempotencyKey, err: (err as Error).message }, 'lease renewal failed');

            return lease;
          });
      });
    };
    const heartbeat = setInterval(renew, Math.max(50, Math.floor(leaseMs / 3)));
    try {
      const ids = await this.attachments.xMediaIds(
        client,
        entry.brandId,
        entry.attachmentIds ?? [],
        entry.kind === 'dm' ? 'dm' : 'tweet',
      );
      clearInterval(heartbeat);
      // A last renewal proves the lease is still this attempt's, and gives the post a full lease.
      renew();
      await renewing;

      return lease ? ids : null;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The media cannot go to X: the row fails (the claim on the customer's message released). */
  private async mediaRefused(
    entry: LedgerEntry,
    e: MediaUploadError,
    attempts: number,
  ): Promise<DomainError> {
    const gaveUp = e.kind !== 'refused';
    await this.ledger.markFailed(
      entry.brandId,
      entry.idempotencyKey,
      entry.messageId,
      `media ${gaveUp ? `upload failed ${attempts} times` : 'refused'}: ${e.status ?? ''} ${e.detail}`,
      entry.claim,
    );
    this.log.warn(
      { key: entry.idempotencyKey, attempts, detail: e.detail, gaveUp },
      'post failed: media upload',
    );

    return gaveUp
      ? new DomainError(
          ErrorCode.UpstreamUnavailable,
          `X did not take the media after ${attempts} attempts`,
          {
            reason: 'X_MEDIA_UPLOAD_FAILED',
            attempts,
          },
        )
      : new DomainError(ErrorCode.BadUserInput, `X refused the media: ${e.detail}`, {
          reason: 'X_MEDIA_REFUSED',
          ...(e.status ? { status: e.status } : {}),
        });
  }

  private async refused(entry: LedgerEntry, f: PostFailure): Promise<DomainError> {
    const status = f.status ?? 0;
    await this.ledger.markFailed(
      entry.brandId,
      entry.idempotencyKey,
      entry.messageId,
      `${status} ${f.detail}`,
      entry.claim,
    );
    const policy = status === 403 && /not allowed because you have not been mentioned/i.test(f.detail);

    return new DomainError(
      status === 403 ? ErrorCode.Forbidden : ErrorCode.BadUserInput,
      `X refused the ${entry.kind}: ${f.detail}`,
      {
        reason: policy ? 'X_REPLY_POLICY' : status === 403 ? 'X_REFUSED' : 'X_REJECTED',
        status,
        ...(policy ? { offered: ['dm', 'open_in_x', 'quote'] } : {}),
      },
    );
  }

  private async post(entry: LedgerEntry, client: TwitterApi, mediaIds: readonly string[]): Promise<string> {
    if (entry.kind === 'dm') {
      // twitter-api-v2 types the answer without X's `data` wrapper: read either shape.
      const id = readDmSendResult(
        await client.v2.sendDmToParticipant(entry.recipientXId ?? '', {
          text: entry.text,
          ...(mediaIds[0] ? { attachments: [{ media_id: mediaIds[0] }] } : {}),
        }),
      ).dm_event_id;
      if (!id) throw new PostWithoutIdError('X answered the DM without its event id');

      return id;
    }
    const media = mediaIds.length ? { media: { media_ids: mediaIds as [string] } } : {};
    const res = entry.inReplyToXId
      ? await client.v2.reply(entry.text, entry.inReplyToXId, media)
      : await client.v2.tweet(entry.text, media);
    if (!res.data?.id) throw new PostWithoutIdError('X answered the post without its id');

    return res.data.id;
  }

  /**
   * The post is on X: commit it. An agent's post is announced (`message.sent`) through the outbox,
   * in the commit's transaction, so a crash or a NATS outage right after the commit loses nothing;
   * an automatic one is no response and is not announced.
   */
  private async committed(entry: LedgerEntry, xId: string): Promise<MessageView | null> {
    const announce = entry.purpose === 'agent' && entry.conversationId !== null;
    const sent = await this.ledger.markSent(
      entry,
      xId,
      announce ? (tx, s) => this.outbox.add(tx, entry.brandId, [this.messageSent(entry, xId, s)]) : undefined,
    );
    this.log.log(
      {
        conversationId: entry.conversationId,
        kind: entry.kind,
        purpose: entry.purpose,
        xId,
        fresh: sent?.fresh,
      },
      'post committed',
    );
    if (!sent || !entry.conversationId) return null;
    if (!sent.fresh) return sent.message;
    if (announce) this.outbox.kick(entry.brandId);
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

  private messageSent(entry: LedgerEntry, xId: string, sent: SentRecord): OutboxEvent {
    return outboxEvent(
      Events.MessageSent,
      {
        schema: 1,
        brandId: entry.brandId,
        conversationId: entry.conversationId ?? '',
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
      { msgId: `sent:${entry.brandId}:${entry.idempotencyKey}` },
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Between the request path's attempts: short, doubling; the agent is waiting. */
function retryDelay(attempt: number): number {
  return 200 * 2 ** (attempt - 1);
}

/**
 * The reconciler's hold-off after its attempt stayed unclear: one lease after the request path's
 * attempts, then doubling per attempt, capped. `attempts` counts the earlier ones.
 */
function reconcileBackoff(leaseMs: number, attempts: number): number {
  return Math.min(
    MAX_RECONCILE_BACKOFF_MS,
    leaseMs * 2 ** Math.min(Math.max(0, attempts - MAX_ATTEMPTS), 16),
  );
}
