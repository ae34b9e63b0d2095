import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type MessageView } from '@roost/contracts';
import { DataSource } from 'typeorm';
import { toMessageView } from '../conversations/conversation.repository';

export interface LedgerEntry {
  brandId: string;
  idempotencyKey: string;
  messageId: string;
  conversationId: string;
  kind: 'reply' | 'dm';
  accountHandle: string;
  text: string;
  inReplyToXId: string | null;
  recipientXId: string | null;
  /** Null only for posts recovered from a ledger row whose message lost its agent (never in practice). */
  agentId: string | null;
  channel: 'public' | 'dm';
}

/** A ledger row the reconciler claimed: the entry plus what it needs to decide. */
export interface UnsettledEntry {
  entry: LedgerEntry;
  state: 'pending' | 'sending' | 'unknown';
  attempts: number;
  createdAt: Date;
}

interface LedgerRow {
  brand_id: string;
  idempotency_key: string;
  message_id: string;
  conversation_id: string;
  kind: 'reply' | 'dm';
  account_handle: string;
  text: string;
  in_reply_to_x_id: string | null;
  recipient_x_id: string | null;
  state: UnsettledEntry['state'];
  attempts: number;
  created_at: Date;
  agent_id: string | null;
}

/** The customer message a reply answers: claimed so two agents cannot both answer it. */
export interface AnswerClaim {
  inboundXId: string;
  agentId: string;
}

/**
 * The outbound ledger: every post is recorded (with its idempotency key) before it is sent, so a
 * retry or a crash between the X call and the commit never posts twice (RELIABILITY.md).
 */
@Injectable()
export class OutboundRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records the intent. Returns false when the key was already used (the caller returns that message). */
  async record(e: LedgerEntry, opts: { leaseMs: number; claim?: AnswerClaim; auditAction?: string }): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      // The lease starts now: a reconciler elsewhere leaves this row alone while this request sends it.
      const inserted: Array<{ message_id: string }> = await tx.query(
        `INSERT INTO outbound_ledger (brand_id, idempotency_key, message_id, conversation_id, kind, account_handle, text,
           in_reply_to_x_id, recipient_x_id, state, lease_until)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'pending', now() + $10 * interval '1 millisecond') ON CONFLICT DO NOTHING RETURNING message_id`,
        [e.brandId, e.idempotencyKey, e.messageId, e.conversationId, e.kind, e.accountHandle, e.text, e.inReplyToXId, e.recipientXId, opts.leaseMs],
      );
      if (inserted.length === 0) return false;
      if (opts.claim) {
        // One UPDATE decides, under the row lock: the first agent to answer a customer message owns it.
        const [claimed]: [Array<{ id: string }>] = await tx.query(
          `UPDATE messages SET answered_by = $3 WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2
             AND (answered_by IS NULL OR answered_by = $3) RETURNING id`,
          [e.brandId, opts.claim.inboundXId, opts.claim.agentId],
        );
        if (claimed.length === 0) {
          throw new DomainError(ErrorCode.Conflict, `message ${opts.claim.inboundXId} was already answered by another agent`, {
            reason: 'MESSAGE_ALREADY_ANSWERED',
            messageXId: opts.claim.inboundXId,
          });
        }
      }
      await tx.query(
        `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, in_reply_to_x_id, text, author_handle,
           agent_id, status, source, created_at)
         VALUES ($1,$2,$3,'outbound',$4,$5,$6,$7,$8,'pending','agent',now())`,
        [e.brandId, e.messageId, e.conversationId, e.channel, e.inReplyToXId, e.text, e.accountHandle, e.agentId],
      );
      await tx.query(
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
        [e.brandId, e.agentId, opts.auditAction ?? (e.kind === 'dm' ? 'dm.requested' : 'reply.requested'), e.conversationId, { key: e.idempotencyKey }],
      );

      return true;
    });
  }

  async messageByKey(brandId: string, key: string): Promise<MessageView | null> {
    const rows = await this.ds.query(
      `SELECT m.* FROM outbound_ledger l JOIN messages m ON m.brand_id = l.brand_id AND m.id = l.message_id
       WHERE l.brand_id = $1 AND l.idempotency_key = $2`,
      [brandId, key],
    );

    return rows[0] ? toMessageView(rows[0]) : null;
  }

  async markSending(brandId: string, key: string, leaseMs: number): Promise<void> {
    await this.ds.query(
      `UPDATE outbound_ledger SET state = 'sending', attempts = attempts + 1, updated_at = now(),
         lease_until = now() + $3 * interval '1 millisecond'
       WHERE brand_id = $1 AND idempotency_key = $2`,
      [brandId, key, leaseMs],
    );
  }

  /**
   * Claims up to `limit` posts nobody is sending (pending, sending or unknown with an expired lease),
   * across brands: the reconciler settles what a crash or a lost answer left behind.
   */
  async claimUnsettled(leaseMs: number, limit: number): Promise<UnsettledEntry[]> {
    const [rows]: [LedgerRow[]] = await this.ds.query(
      `UPDATE outbound_ledger l SET lease_until = now() + $1 * interval '1 millisecond', updated_at = now()
       FROM (SELECT brand_id, idempotency_key FROM outbound_ledger
             WHERE state IN ('pending','sending','unknown') AND (lease_until IS NULL OR lease_until < now())
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
       WHERE l.brand_id = due.brand_id AND l.idempotency_key = due.idempotency_key
       RETURNING l.*, (SELECT m.agent_id FROM messages m WHERE m.brand_id = l.brand_id AND m.id = l.message_id) AS agent_id`,
      [leaseMs, limit],
    );

    return rows.map((r) => ({
      entry: {
        brandId: r.brand_id,
        idempotencyKey: r.idempotency_key,
        messageId: r.message_id,
        conversationId: r.conversation_id,
        kind: r.kind,
        accountHandle: r.account_handle,
        text: r.text,
        inReplyToXId: r.in_reply_to_x_id,
        recipientXId: r.recipient_x_id,
        agentId: r.agent_id,
        channel: r.kind === 'dm' ? 'dm' : 'public',
      },
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  async ledgerState(brandId: string, key: string): Promise<string | null> {
    const rows: Array<{ state: string }> = await this.ds.query(
      `SELECT state FROM outbound_ledger WHERE brand_id = $1 AND idempotency_key = $2`,
      [brandId, key],
    );

    return rows[0]?.state ?? null;
  }

  /** The post is on X: ledger, message and conversation's first response in one transaction. */
  async markSent(
    e: LedgerEntry,
    xId: string,
  ): Promise<{ message: MessageView; firstResponse: boolean; openedAt: Date; queueId: string }> {
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE outbound_ledger SET state = 'sent', x_id = $3, lease_until = NULL, updated_at = now()
         WHERE brand_id = $1 AND idempotency_key = $2`,
        [e.brandId, e.idempotencyKey, xId],
      );
      // TypeORM returns [rows, affected] for UPDATE … RETURNING.
      const [rows] = await tx.query(
        `UPDATE messages SET status = 'sent', x_id = $3, created_at = now() WHERE brand_id = $1 AND id = $2 RETURNING *`,
        [e.brandId, e.messageId, xId],
      );
      const [conv]: [Array<{ first: boolean; opened_at: Date; queue_id: string }>] = await tx.query(
        `UPDATE conversations c SET first_response_at = COALESCE(c.first_response_at, now()), last_message_at = now(),
           version = c.version + 1
         FROM (SELECT first_response_at IS NULL AS first FROM conversations WHERE brand_id = $1 AND id = $2 FOR UPDATE) prev
         WHERE c.brand_id = $1 AND c.id = $2 RETURNING prev.first, c.opened_at, c.queue_id`,
        [e.brandId, e.conversationId],
      );
      await tx.query(
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
        [e.brandId, e.agentId, e.kind === 'dm' ? 'dm.sent' : 'reply.sent', e.conversationId, { key: e.idempotencyKey, xId }],
      );
      const c = conv[0];

      return {
        message: toMessageView(rows[0]),
        firstResponse: c?.first ?? false,
        openedAt: c?.opened_at ?? new Date(),
        queueId: c?.queue_id ?? '',
      };
    });
  }

  async markFailed(brandId: string, key: string, messageId: string, error: string, state: 'failed' | 'unknown'): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE outbound_ledger SET state = $3, last_error = $4, updated_at = now() WHERE brand_id = $1 AND idempotency_key = $2`,
        [brandId, key, state, error.slice(0, 1000)],
      );
      if (state === 'failed') {
        await tx.query(`UPDATE messages SET status = 'failed' WHERE brand_id = $1 AND id = $2`, [brandId, messageId]);
      }
    });
  }
}
