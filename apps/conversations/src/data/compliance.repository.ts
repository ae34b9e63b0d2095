import { Injectable } from '@nestjs/common';
import type { ComplianceContentWithdrawnV1, HeldIdsPage } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

const RedactedConversationRow = rowType('conversations.compliance.conversations', {
  id: Type.String(),
  queue_id: Type.String(),
});

/** `RETURNING x_id, conversation_id` of the tweet's inbound messages (`x_id = $2`: never NULL). */
const RedactedTweetRow = rowType('conversations.compliance.redact_tweet', {
  x_id: Type.String(),
  conversation_id: Type.String(),
});

const RedactedCustomerRow = rowType('conversations.compliance.redact_customer', { id: Type.String() });

/** `RETURNING x_id, conversation_id` of a user's inbound messages (a DM may have no X id). */
const RedactedUserMessageRow = rowType('conversations.compliance.redact_user_messages', {
  x_id: Nullable(Type.String()),
  conversation_id: Type.String(),
});

const FailedReplyRow = rowType('conversations.compliance.fail_pending_replies', {
  message_id: Type.String(),
});

const HeldIdRow = rowType('conversations.compliance.held_ids', { id: Type.String() });

/** What one compliance event changed; all zero when it was already applied or names nothing Roost holds. */
export interface RedactionResult {
  messages: number;
  customers: number;
  /** Replies not yet sent that answered a redacted tweet, now failed with REPLY_TARGET_WITHDRAWN. */
  failedReplies: number;
}

/** Conversations whose messages were redacted, with their queue: open consoles are told to refetch. */
export interface RedactedConversation {
  conversationId: string;
  queueId: string;
}

/** The typed error a pending reply to withdrawn content fails with (the agent sees it on the message). */
export const REPLY_TARGET_WITHDRAWN = 'REPLY_TARGET_WITHDRAWN';

/**
 * Redaction in place: rows keep their ids, times, direction, status and conversation (threading,
 * counts and metrics hold); text, handles and the profile go. Every UPDATE skips what is already
 * redacted, so a redelivered event changes nothing.
 */
@Injectable()
export class ComplianceRepository {
  constructor(private readonly ds: DataSource) {}

  async apply(
    e: ComplianceContentWithdrawnV1,
  ): Promise<RedactionResult & { conversations: RedactedConversation[] }> {
    return withBrand(this.ds, e.brandId, async (tx) => {
      const { conversationIds, ...result } =
        e.kind === 'tweet' ? await this.redactTweet(tx, e) : await this.redactUser(tx, e);
      const conversations: RedactedConversation[] =
        conversationIds.length === 0
          ? []
          : (
              await selectRows(
                tx,
                RedactedConversationRow,
                `SELECT id, queue_id FROM conversations WHERE brand_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`,
                [e.brandId, [...new Set(conversationIds)]],
              )
            ).map((c) => ({ conversationId: c.id, queueId: c.queue_id }));
      if (result.messages + result.customers + result.failedReplies > 0) {
        await execute(
          tx,
          `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1, NULL, 'compliance.redacted', $2)`,
          [
            e.brandId,
            JSON.stringify({
              kind: e.kind,
              xId: e.xId,
              reason: e.reason,
              withdrawnAt: e.withdrawnAt,
              ...result,
            }),
          ],
        );
      }

      return { ...result, conversations };
    });
  }

  /**
   * A tweets job reports a tweet as `deleted`, or with its author's reason (protected, suspended,
   * deactivated): then the handle goes too, and the users job redacts the profile.
   */
  private async redactTweet(
    tx: EntityManager,
    e: ComplianceContentWithdrawnV1,
  ): Promise<RedactionResult & { conversationIds: string[] }> {
    const byAuthor = e.reason === 'deleted';
    const rows = await selectRows(
      tx,
      RedactedTweetRow,
      `UPDATE messages SET text = '', media = NULL, classification = classification - 'pii', redacted_at = now(), redaction = $3,
         author_handle = CASE WHEN $4 THEN author_handle ELSE '' END
       WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2 AND redacted_at IS NULL
       RETURNING x_id, conversation_id`,
      [e.brandId, e.xId, byAuthor ? 'deleted_by_author' : 'author_withdrawn', byAuthor],
    );
    const failedReplies = rows.length ? await this.failPendingReplies(tx, e.brandId, [e.xId]) : 0;

    return {
      messages: rows.length,
      customers: 0,
      failedReplies,
      conversationIds: rows.map((r) => r.conversation_id),
    };
  }

  /**
   * The profile snapshot (name, handle, counts) and every message they wrote. Notes the team wrote
   * about them stay; the customer row says the account was withdrawn and why.
   */
  private async redactUser(
    tx: EntityManager,
    e: ComplianceContentWithdrawnV1,
  ): Promise<RedactionResult & { conversationIds: string[] }> {
    const customers = await selectRows(
      tx,
      RedactedCustomerRow,
      `UPDATE customers SET name = '', handle = '', followers_count = 0, verified = false, language = NULL,
         withdrawn_at = now(), withdrawn_reason = $3
       WHERE brand_id = $1 AND x_user_id = $2 AND (withdrawn_at IS NULL OR updated_at > withdrawn_at)
       RETURNING id`,
      [e.brandId, e.xId, e.reason],
    );
    const rows = await selectRows(
      tx,
      RedactedUserMessageRow,
      `UPDATE messages SET text = '', media = NULL, author_handle = '', classification = classification - 'pii',
         redacted_at = COALESCE(redacted_at, now()), redaction = COALESCE(redaction, 'author_withdrawn')
       WHERE brand_id = $1 AND direction = 'inbound' AND author_x_id = $2 AND (redacted_at IS NULL OR author_handle <> '')
       RETURNING x_id, conversation_id`,
      [e.brandId, e.xId],
    );
    const xIds = rows.flatMap((r) => (r.x_id ? [r.x_id] : []));
    const failedReplies = xIds.length ? await this.failPendingReplies(tx, e.brandId, xIds) : 0;

    return {
      messages: rows.length,
      customers: customers.length,
      failedReplies,
      conversationIds: rows.map((r) => r.conversation_id),
    };
  }

  /**
   * A reply still waiting in the outbound ledger (pending, nobody holding its lease) whose target is
   * gone fails with REPLY_TARGET_WITHDRAWN: X would refuse it, and answering content its author
   * withdrew is what the terms forbid. One being sent (leased) or of unknown outcome is left alone:
   * it may already be on X.
   */
  private async failPendingReplies(tx: EntityManager, brandId: string, xIds: string[]): Promise<number> {
    const rows = await selectRows(
      tx,
      FailedReplyRow,
      `UPDATE outbound_ledger SET state = 'failed', updated_at = now(),
         last_error = '${REPLY_TARGET_WITHDRAWN}: the post this replies to was withdrawn by its author'
       WHERE brand_id = $1 AND in_reply_to_x_id = ANY($2::text[]) AND state = 'pending'
         AND (lease_until IS NULL OR lease_until < now())
       RETURNING message_id`,
      [brandId, xIds],
    );
    if (rows.length) {
      await execute(
        tx,
        `UPDATE messages SET status = 'failed' WHERE brand_id = $1 AND id = ANY($2::uuid[])`,
        [brandId, rows.map((r) => r.message_id)],
      );
    }

    return rows.length;
  }

  /** X ids to check, in X id order (numeric: shorter first, then by text) after `after`. */
  async heldIds(req: {
    brandId: string;
    kind: 'tweets' | 'users';
    after: string | null;
    limit: number;
  }): Promise<HeldIdsPage> {
    const after = req.after ?? '';
    const rows =
      req.kind === 'tweets'
        ? await withBrand(this.ds, req.brandId, (tx) =>
            selectRows(
              tx,
              HeldIdRow,
              `SELECT x_id AS id FROM messages
             WHERE brand_id = $1 AND direction = 'inbound' AND channel = 'public' AND x_id IS NOT NULL AND redacted_at IS NULL
               AND (length(x_id), x_id) > (length($2::text), $2::text)
             ORDER BY length(x_id), x_id LIMIT $3`,
              [req.brandId, after, req.limit],
            ),
          )
        : await withBrand(this.ds, req.brandId, (tx) =>
            selectRows(
              tx,
              HeldIdRow,
              // A withdrawn customer is checked again once a new mention refreshed their profile.
              `SELECT x_user_id AS id FROM customers
             WHERE brand_id = $1 AND (withdrawn_at IS NULL OR updated_at > withdrawn_at)
               AND (length(x_user_id), x_user_id) > (length($2::text), $2::text)
             ORDER BY length(x_user_id), x_user_id LIMIT $3`,
              [req.brandId, after, req.limit],
            ),
          );
    const ids = rows.map((r) => r.id);

    return { ids, next: ids.length === req.limit ? (ids.at(-1) ?? null) : null };
  }
}
