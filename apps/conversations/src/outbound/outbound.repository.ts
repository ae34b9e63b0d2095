import { Injectable } from '@nestjs/common';
import type { MessageView } from '@roost/contracts';
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
  agentId: string;
  channel: 'public' | 'dm';
}

/**
 * The outbound ledger: every post is recorded (with its idempotency key) before it is sent, so a
 * retry or a crash between the X call and the commit never posts twice (RELIABILITY.md).
 */
@Injectable()
export class OutboundRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records the intent. Returns false when the key was already used (the caller returns that message). */
  async record(e: LedgerEntry): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const inserted: Array<{ message_id: string }> = await tx.query(
        `INSERT INTO outbound_ledger (brand_id, idempotency_key, message_id, conversation_id, kind, account_handle, text,
           in_reply_to_x_id, recipient_x_id, state)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'pending') ON CONFLICT DO NOTHING RETURNING message_id`,
        [e.brandId, e.idempotencyKey, e.messageId, e.conversationId, e.kind, e.accountHandle, e.text, e.inReplyToXId, e.recipientXId],
      );
      if (inserted.length === 0) return false;
      await tx.query(
        `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, in_reply_to_x_id, text, author_handle,
           agent_id, status, source, created_at)
         VALUES ($1,$2,$3,'outbound',$4,$5,$6,$7,$8,'pending','agent',now())`,
        [e.brandId, e.messageId, e.conversationId, e.channel, e.inReplyToXId, e.text, e.accountHandle, e.agentId],
      );
      await tx.query(
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
        [e.brandId, e.agentId, e.kind === 'dm' ? 'dm.requested' : 'reply.requested', e.conversationId, { key: e.idempotencyKey }],
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

  async markSending(brandId: string, key: string): Promise<void> {
    await this.ds.query(
      `UPDATE outbound_ledger SET state = 'sending', attempts = attempts + 1, updated_at = now()
       WHERE brand_id = $1 AND idempotency_key = $2`,
      [brandId, key],
    );
  }

  /** The post is on X: ledger, message and conversation's first response in one transaction. */
  async markSent(
    e: LedgerEntry,
    xId: string,
  ): Promise<{ message: MessageView; firstResponse: boolean; openedAt: Date; queueId: string }> {
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE outbound_ledger SET state = 'sent', x_id = $3, updated_at = now() WHERE brand_id = $1 AND idempotency_key = $2`,
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
