import { Injectable } from '@nestjs/common';
import { Channel, ConversationStatus, Events, type CustomerProfile, type NoteView } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { Outbox, outboxEvent } from '@roost/messaging';
import { DataSource } from 'typeorm';
import type { Actor } from './conversation-actions.repository';

/** `SELECT * FROM customers`: every column of the table. */
const CustomerRow = rowType('conversations.customers.profile', {
  brand_id: Type.String(),
  id: Type.String(),
  x_user_id: Type.String(),
  handle: Type.String(),
  name: Type.String(),
  /** bigint: pg hands it over as a string. */
  followers_count: Type.String(),
  verified: Type.Boolean(),
  vip: Type.Boolean(),
  tags: Type.Array(Type.String()),
  first_seen_at: Type.Date(),
  updated_at: Type.Date(),
  language: Nullable(Type.String()),
  withdrawn_at: Nullable(Type.Date()),
  withdrawn_reason: Nullable(Type.String()),
});

const CustomerNoteRow = rowType('conversations.customers.notes', {
  id: Type.String(),
  conversation_id: Nullable(Type.String()),
  author_id: Type.String(),
  author_initials: Type.String(),
  text: Type.String(),
  created_at: Type.Date(),
});

const CustomerHistoryRow = rowType('conversations.customers.history', {
  id: Type.String(),
  channel: Channel,
  status: ConversationStatus,
  opened_at: Type.Date(),
  last_message_at: Type.Date(),
  /** count(*): bigint, a string. */
  n: Type.String(),
  last_text: Nullable(Type.String()),
});

/** The customer after the update, and its VIP flag before it (the row was locked first). */
const UpdatedCustomerRow = rowType('conversations.customers.update', {
  id: Type.String(),
  x_user_id: Type.String(),
  vip: Type.Boolean(),
  was_vip: Type.Boolean(),
  updated_at: Type.Date(),
});

/** A customer with the team's notes and their history across conversations and channels: three queries. */
@Injectable()
export class CustomerRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async profile(brandId: string, customerId: string): Promise<CustomerProfile | null> {
    const [rows, notes, history] = await withBrand(this.ds, brandId, (tx) =>
      Promise.all([
        selectRows(tx, CustomerRow, `SELECT * FROM customers WHERE brand_id = $1 AND id = $2`, [
          brandId,
          customerId,
        ]),
        selectRows(
          tx,
          CustomerNoteRow,
          `SELECT id, conversation_id, author_id, author_initials, text, created_at FROM customer_notes
         WHERE brand_id = $1 AND customer_id = $2 ORDER BY created_at DESC LIMIT 200`,
          [brandId, customerId],
        ),
        selectRows(
          tx,
          CustomerHistoryRow,
          `SELECT c.id, c.channel, c.status, c.opened_at, c.last_message_at,
           (SELECT count(*) FROM messages m WHERE m.brand_id = c.brand_id AND m.conversation_id = c.id) AS n,
           (SELECT m.text FROM messages m WHERE m.brand_id = c.brand_id AND m.conversation_id = c.id ORDER BY m.created_at DESC LIMIT 1) AS last_text
         FROM conversations c WHERE c.brand_id = $1 AND c.customer_id = $2 ORDER BY c.opened_at DESC LIMIT 200`,
          [brandId, customerId],
        ),
      ]),
    );
    const c = rows[0];
    if (!c) return null;

    return {
      id: c.id,
      brandId: c.brand_id,
      xUserId: c.x_user_id,
      handle: c.handle,
      name: c.name,
      followersCount: Number(c.followers_count),
      verified: c.verified,
      language: c.language,
      vip: c.vip,
      tags: c.tags,
      firstSeenAt: c.first_seen_at.toISOString(),
      withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
      withdrawnReason: c.withdrawn_reason ?? null,
      notes: notes.map((n): NoteView => ({
        id: n.id,
        customerId: c.id,
        conversationId: n.conversation_id,
        authorId: n.author_id,
        authorInitials: n.author_initials,
        text: n.text,
        createdAt: n.created_at.toISOString(),
      })),
      history: history.map((h) => ({
        conversationId: h.id,
        channel: h.channel,
        status: h.status,
        openedAt: h.opened_at.toISOString(),
        lastMessageAt: h.last_message_at.toISOString(),
        messageCount: Number(h.n),
        lastText: h.last_text,
      })),
    };
  }

  async addNote(p: { actor: Actor; initials: string; customerId: string; text: string }): Promise<void> {
    await withBrand(this.ds, p.actor.brandId, async (tx) => {
      await execute(
        tx,
        `INSERT INTO customer_notes (brand_id, id, customer_id, author_id, author_initials, text) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
        [p.actor.brandId, p.customerId, p.actor.agentId, p.initials, p.text],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'customer.note_added',$3)`,
        [p.actor.brandId, p.actor.agentId, { customerId: p.customerId }],
      );
    });
  }

  /**
   * VIP flag and tags in one UPDATE; returns false when the customer is not the brand's. A change of
   * the VIP flag is announced to routing (`customer.updated`: priority boost, the rules' `vip`
   * condition) through the outbox, in the transaction of the change.
   */
  async update(p: {
    actor: Actor;
    customerId: string;
    vip?: boolean;
    addTags?: string[];
    removeTags?: string[];
  }): Promise<boolean> {
    const brandId = p.actor.brandId;
    const found = await withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        UpdatedCustomerRow,
        `WITH old AS (SELECT id, vip FROM customers WHERE brand_id = $1 AND id = $2 FOR UPDATE)
         UPDATE customers c SET vip = COALESCE($3, c.vip),
           tags = ARRAY(SELECT DISTINCT t FROM unnest(c.tags || $4::text[]) t WHERE NOT t = ANY($5::text[]) ORDER BY t),
           updated_at = now()
         FROM old WHERE c.brand_id = $1 AND c.id = old.id
         RETURNING c.id, c.x_user_id, c.vip, old.vip AS was_vip, c.updated_at`,
        [brandId, p.customerId, p.vip ?? null, p.addTags ?? [], p.removeTags ?? []],
      );
      const row = rows[0];
      if (!row) return null;
      if (row.vip !== row.was_vip) {
        const at = row.updated_at.toISOString();
        await this.outbox.add(tx, brandId, [
          outboxEvent(
            Events.CustomerUpdated,
            {
              schema: 1,
              brandId,
              customerId: row.id,
              xUserId: row.x_user_id,
              vip: row.vip,
              actorId: p.actor.agentId,
              at,
            },
            { msgId: `customer:${brandId}:${row.id}:vip:${at}` },
          ),
        ]);
      }
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'customer.updated',$3)`,
        [
          p.actor.brandId,
          p.actor.agentId,
          { customerId: p.customerId, vip: p.vip, addTags: p.addTags, removeTags: p.removeTags },
        ],
      );

      return row.vip !== row.was_vip;
    });
    if (found === null) return false;
    if (found) this.outbox.kick(brandId);

    return true;
  }
}
