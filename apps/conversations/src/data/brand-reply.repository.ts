import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BrandReplyObservedV1 } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

/** `messages.source` of a brand reply posted outside Roost (Roost's own posts are `agent`). */
export const OBSERVED_SOURCE = 'x';

/** What storing one observed brand reply came to. */
export type BrandReplyResult =
  | {
      kind: 'stored';
      messageId: string;
      conversationId: string;
      queueId: string;
      firstResponse: boolean;
      openedAt: Date;
    }
  /** Already stored: Roost's own post (committed through the ledger) or a redelivery. */
  | { kind: 'known' }
  /** Roost is posting a reply to the same tweet and does not know its tweet id yet: ask again later. */
  | { kind: 'own_post_in_flight' }
  /** No conversation holds the tweet it answers (yet). */
  | { kind: 'unthreaded' };

/** An outbound message already stored under the tweet's id, with its conversation. */
const KnownReplyRow = rowType('conversations.brand_replies.known', {
  id: Type.String(),
  conversation_id: Type.String(),
  source: Nullable(Type.String()),
  queue_id: Type.String(),
  opened_at: Type.Date(),
  /** `first_response_at = created_at`: NULL when the conversation has no first response. */
  first: Nullable(Type.Boolean()),
});

/** `SELECT 1`: PostgreSQL names the column `?column?`. */
const InFlightRow = rowType('conversations.brand_replies.in_flight', { '?column?': Type.Integer() });

const ParentConversationRow = rowType('conversations.brand_replies.by_parent', {
  conversation_id: Type.String(),
});

const ThreadConversationRow = rowType('conversations.brand_replies.by_thread', { id: Type.String() });

const InsertedReplyRow = rowType('conversations.brand_replies.insert', { id: Type.String() });

const FirstResponseRow = rowType('conversations.brand_replies.first_response', {
  first: Type.Boolean(),
  opened_at: Type.Date(),
  queue_id: Type.String(),
});

/**
 * The brand's own replies seen on X, posted by Roost or elsewhere (the X app). Roost's own posts
 * are recognised by their tweet id (the ledger commits it on the outbound message, whose unique
 * key `(brand, direction, x_id)` then refuses the observed copy); a reply posted elsewhere is
 * stored as an outbound message without an agent in the conversation of the tweet it answers.
 */
@Injectable()
export class BrandReplyRepository {
  constructor(private readonly ds: DataSource) {}

  store(e: BrandReplyObservedV1): Promise<BrandReplyResult> {
    return withBrand(this.ds, e.brandId, async (tx) => {
      const [known] = await selectRows(
        tx,
        KnownReplyRow,
        `SELECT m.id, m.conversation_id, m.source, c.queue_id, c.opened_at, c.first_response_at = m.created_at AS first
           FROM messages m JOIN conversations c ON c.brand_id = m.brand_id AND c.id = m.conversation_id
           WHERE m.brand_id = $1 AND m.direction = 'outbound' AND m.x_id = $2`,
        [e.brandId, e.tweet.id],
      );
      // Stored from an earlier delivery whose message.sent may not have gone out: announce again
      // (the event's msg id makes that a no-op when it did).
      if (known?.source === OBSERVED_SOURCE) {
        return {
          kind: 'stored',
          messageId: known.id,
          conversationId: known.conversation_id,
          queueId: known.queue_id,
          firstResponse: known.first ?? false,
          openedAt: known.opened_at,
        };
      }
      if (known) return { kind: 'known' };
      // Recorded before it is sent, so a post of ours is in the ledger before X shows it; until the
      // ledger learns its tweet id, this could be that post.
      const inFlight = await selectRows(
        tx,
        InFlightRow,
        `SELECT 1 FROM outbound_ledger WHERE state IN ('pending','sending','unknown') AND brand_id = $1 AND kind = 'reply'
           AND in_reply_to_x_id = $2 LIMIT 1`,
        [e.brandId, e.tweet.inReplyToTweetId],
      );
      if (inFlight.length > 0) return { kind: 'own_post_in_flight' };
      const conversationId = await this.conversationOf(tx, e);
      if (!conversationId) return { kind: 'unthreaded' };

      return this.insert(tx, e, conversationId);
    });
  }

  /**
   * The conversation of the tweet it answers (a customer's message, or an earlier brand reply in
   * the thread); else the public conversation of the customer it answers in the same X conversation.
   */
  private async conversationOf(tx: EntityManager, e: BrandReplyObservedV1): Promise<string | null> {
    const [byParent] = await selectRows(
      tx,
      ParentConversationRow,
      `SELECT conversation_id FROM messages WHERE brand_id = $1 AND direction IN ('inbound','outbound') AND x_id = $2
       ORDER BY direction LIMIT 1`,
      [e.brandId, e.tweet.inReplyToTweetId],
    );
    if (byParent) return byParent.conversation_id;
    if (!e.tweet.conversationId || !e.tweet.inReplyToUserId) return null;
    const [byThread] = await selectRows(
      tx,
      ThreadConversationRow,
      `SELECT c.id FROM conversations c JOIN customers cu ON cu.brand_id = c.brand_id AND cu.id = c.customer_id
       WHERE c.brand_id = $1 AND c.x_conversation_id = $2 AND cu.x_user_id = $3 AND c.channel = 'public'
       ORDER BY c.opened_at DESC LIMIT 1`,
      [e.brandId, e.tweet.conversationId, e.tweet.inReplyToUserId],
    );

    return byThread?.id ?? null;
  }

  private async insert(
    tx: EntityManager,
    e: BrandReplyObservedV1,
    conversationId: string,
  ): Promise<BrandReplyResult> {
    const messageId = randomUUID();
    const inserted = await selectRows(
      tx,
      InsertedReplyRow,
      `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, x_id, in_reply_to_x_id, text, author_x_id,
         author_handle, agent_id, status, source, created_at)
       VALUES ($1,$2,$3,'outbound','public',$4,$5,$6,$7,$8,NULL,'sent',$10,$9)
       ON CONFLICT (brand_id, direction, x_id) WHERE x_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        e.brandId,
        messageId,
        conversationId,
        e.tweet.id,
        e.tweet.inReplyToTweetId,
        e.tweet.text,
        e.account.xUserId,
        e.account.handle,
        e.tweet.createdAt,
        OBSERVED_SOURCE,
      ],
    );
    if (inserted.length === 0) return { kind: 'known' }; // stored by a concurrent delivery, which announces it
    // The earliest brand answer is the first response, whoever posted it and wherever.
    const conv = await selectRows(
      tx,
      FirstResponseRow,
      `UPDATE conversations c SET first_response_at = LEAST(COALESCE(c.first_response_at, $3::timestamptz), $3::timestamptz),
         last_message_at = GREATEST(c.last_message_at, $3::timestamptz), version = c.version + 1
       FROM (SELECT first_response_at IS NULL AS first FROM conversations WHERE brand_id = $1 AND id = $2 FOR UPDATE) prev
       WHERE c.brand_id = $1 AND c.id = $2 RETURNING prev.first, c.opened_at, c.queue_id`,
      [e.brandId, conversationId, e.tweet.createdAt],
    );
    await execute(
      tx,
      `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,NULL,'reply.observed',$2,$3)`,
      [e.brandId, conversationId, { xId: e.tweet.id, account: e.account.handle }],
    );
    const c = conv[0];

    return {
      kind: 'stored',
      messageId,
      conversationId,
      queueId: c?.queue_id ?? '',
      firstResponse: c?.first ?? false,
      openedAt: c?.opened_at ?? new Date(e.tweet.createdAt),
    };
  }
}
