import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type MediaItem, type MessageView } from '@roost/contracts';
import { execute, Nullable, rowType, selectMaybe, selectOne, selectRows, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';
import { AttachmentsRepository } from './attachments.repository';
import { MessageRow, toMessageView } from './conversation.repository';

/**
 * Why the brand posts: an agent's post (first response, `message.sent`), or one Roost makes by itself,
 * which neither answers the customer nor stops the SLA clock: the out-of-hours acknowledgement and
 * the expected-wait status tweet (no conversation, no message row).
 */
export type LedgerPurpose = 'agent' | 'ooh_ack' | 'wait_status';

export interface LedgerEntry {
  brandId: string;
  idempotencyKey: string;
  messageId: string;
  /** Null only for a `wait_status` tweet. */
  conversationId: string | null;
  purpose: LedgerPurpose;
  kind: 'reply' | 'dm';
  accountHandle: string;
  text: string;
  inReplyToXId: string | null;
  recipientXId: string | null;
  /** Null only for posts recovered from a ledger row whose message lost its agent (never in practice). */
  agentId: string | null;
  channel: 'public' | 'dm';
  /** The customer message this post claimed (request path only): released if X refuses the post. */
  claim?: AnswerClaim;
  /** Agent's media (attachments table), uploaded to X at post time; the message shows them as `media`. */
  attachmentIds?: string[];
  /** The message's `media` (request path only: written with the message). */
  media?: MediaItem[];
}

/** A ledger row the reconciler claimed: the entry plus what it needs to decide. */
export interface UnsettledEntry {
  entry: LedgerEntry;
  state: 'pending' | 'sending' | 'unknown';
  attempts: number;
  createdAt: Date;
}

/**
 * A claimed ledger row (`RETURNING l.*`, every column of `outbound_ledger`) with its message's
 * agent. Only due rows are claimed: pending, sending or unknown.
 */
const LedgerRow = rowType('conversations.outbound.claim_unsettled', {
  brand_id: Type.String(),
  idempotency_key: Type.String(),
  message_id: Type.String(),
  conversation_id: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('reply'), Type.Literal('dm')]),
  account_handle: Type.String(),
  text: Type.String(),
  in_reply_to_x_id: Nullable(Type.String()),
  recipient_x_id: Nullable(Type.String()),
  state: Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('unknown')]),
  x_id: Nullable(Type.String()),
  attempts: Type.Integer(),
  last_error: Nullable(Type.String()),
  created_at: Type.Date(),
  updated_at: Type.Date(),
  lease_until: Nullable(Type.Date()),
  claim_inbound_x_id: Type.Optional(Nullable(Type.String())),
  purpose: Type.Union([Type.Literal('agent'), Type.Literal('ooh_ack'), Type.Literal('wait_status')]),
  agent_id: Nullable(Type.String()),
  attachment_ids: Type.Array(Type.String()),
});

type LedgerRow = Static<typeof LedgerRow.schema>;

/** `RETURNING 1`: PostgreSQL names the column `?column?`. */
const ReturningOneRow = rowType('conversations.outbound.returning_one', { '?column?': Type.Integer() });

const AnsweredMessageRow = rowType('conversations.outbound.claim_answer', { id: Type.String() });

/** The lease's end as text (full precision: `takeOver` compares it with the stored one). */
const LeaseRow = rowType('conversations.outbound.record', { lease_until: Type.String() });
const SendingRow = rowType('conversations.outbound.sending', {
  lease_until: Type.String(),
  attempts: Type.Integer(),
});

/**
 * A settled post's attachments keep their metadata (audit, the message's media) but not their
 * bytes: X has them (posted) or nothing will post them (failed).
 */
const RELEASE_ATTACHMENT_BYTES = `UPDATE attachments SET bytes = ''::bytea
  WHERE brand_id = $1 AND message_id = $2 AND octet_length(bytes) > 0`;

const UnsettledBrandRow = rowType('conversations.outbound.unsettled_brands', { brand_id: Type.String() });

const LedgerStateRow = rowType('conversations.outbound.ledger_state', { state: Type.String() });

const FirstResponseRow = rowType('conversations.outbound.first_response', {
  first: Type.Boolean(),
  opened_at: Type.Date(),
  queue_id: Type.String(),
});

const RecordedXIdRow = rowType('conversations.outbound.x_ids_recorded_elsewhere', { x_id: Type.String() });

/** What committing a conversation's post came to (null for a post outside any conversation). */
export interface SentRecord {
  message: MessageView;
  firstResponse: boolean;
  openedAt: Date;
  queueId: string;
  /** False when the row was already sent (settled twice): nothing to announce. */
  fresh: boolean;
}

/** `messages.source` of an outbound message: `agent` for agents' posts, `auto` for Roost's own (`x`: observed, see brand replies). */
export function messageSource(purpose: LedgerPurpose): string {
  return purpose === 'agent' ? 'agent' : 'auto';
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
  constructor(
    private readonly ds: DataSource,
    private readonly attachments: AttachmentsRepository,
  ) {}

  /**
   * Records the intent. Returns null when the key was already used (the caller returns that message),
   * else the lease this caller holds on it (see `takeOver`).
   */
  async record(
    e: LedgerEntry,
    opts: { leaseMs: number; claim?: AnswerClaim; auditAction?: string },
  ): Promise<string | null> {
    return withBrand(this.ds, e.brandId, async (tx) => {
      const lease = await this.recordIn(tx, e, opts);
      if (!lease) return null;
      if (opts.claim) {
        // One UPDATE decides, under the row lock: the first agent to answer a customer message owns it.
        const claimed = await selectRows(
          tx,
          AnsweredMessageRow,
          `UPDATE messages SET answered_by = $3 WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2
             AND (answered_by IS NULL OR answered_by = $3) RETURNING id`,
          [e.brandId, opts.claim.inboundXId, opts.claim.agentId],
        );
        if (claimed.length === 0) {
          throw new DomainError(
            ErrorCode.Conflict,
            `message ${opts.claim.inboundXId} was already answered by another agent`,
            {
              reason: 'MESSAGE_ALREADY_ANSWERED',
              messageXId: opts.claim.inboundXId,
            },
          );
        }
        // The reconciler releases it too if the post fails for good (claimUnsettled reads it back).
        await execute(
          tx,
          `UPDATE outbound_ledger SET claim_inbound_x_id = $3 WHERE brand_id = $1 AND idempotency_key = $2`,
          [e.brandId, e.idempotencyKey, opts.claim.inboundXId],
        );
      }
      if (e.attachmentIds?.length) await this.attachments.bind(tx, e.brandId, e.attachmentIds, e.messageId);
      if (e.conversationId) {
        await execute(
          tx,
          `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, in_reply_to_x_id, text, author_handle,
             agent_id, status, source, created_at, media)
           VALUES ($1,$2,$3,'outbound',$4,$5,$6,$7,$8,'pending',$9,now(),$10::jsonb)`,
          [
            e.brandId,
            e.messageId,
            e.conversationId,
            e.channel,
            e.inReplyToXId,
            e.text,
            e.accountHandle,
            e.agentId,
            messageSource(e.purpose),
            e.media?.length ? JSON.stringify(e.media) : null,
          ],
        );
      }
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
        [
          e.brandId,
          e.agentId,
          opts.auditAction ?? (e.kind === 'dm' ? 'dm.requested' : 'reply.requested'),
          e.conversationId,
          { key: e.idempotencyKey, ...(e.attachmentIds?.length ? { attachmentIds: e.attachmentIds } : {}) },
        ],
      );

      return lease;
    });
  }

  /**
   * The ledger row alone, inside the caller's transaction, which declared the entry's brand (the
   * wait-status tweet decides and records in one). Null when the key was already used, else the
   * lease's end (text: full precision).
   */
  async recordIn(tx: EntityManager, e: LedgerEntry, opts: { leaseMs: number }): Promise<string | null> {
    // The lease starts now: a reconciler elsewhere leaves this row alone while this request sends it.
    const inserted = await selectRows(
      tx,
      LeaseRow,
      `INSERT INTO outbound_ledger (brand_id, idempotency_key, message_id, conversation_id, kind, account_handle, text,
         in_reply_to_x_id, recipient_x_id, state, lease_until, purpose, attachment_ids)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'pending', now() + $10 * interval '1 millisecond', $11, $12::uuid[])
       ON CONFLICT DO NOTHING RETURNING lease_until::text`,
      [
        e.brandId,
        e.idempotencyKey,
        e.messageId,
        e.conversationId,
        e.kind,
        e.accountHandle,
        e.text,
        e.inReplyToXId,
        e.recipientXId,
        opts.leaseMs,
        e.purpose,
        e.attachmentIds ?? [],
      ],
    );

    return inserted[0]?.lease_until ?? null;
  }

  /**
   * Renews the lease of a post recorded earlier but sent later (queued behind others) only if
   * nobody took it meanwhile: still pending, never attempted, and the lease is the one `record`
   * returned, not expired. False: the reconciler has it (it looks on X before posting), leave it.
   */
  async takeOver(p: { brandId: string; key: string; lease: string; leaseMs: number }): Promise<boolean> {
    const rows = await withBrand(this.ds, p.brandId, (tx) =>
      selectRows(
        tx,
        ReturningOneRow,
        `UPDATE outbound_ledger SET lease_until = now() + $4 * interval '1 millisecond', updated_at = now()
       WHERE brand_id = $1 AND idempotency_key = $2 AND state = 'pending' AND attempts = 0
         AND lease_until = $3::timestamptz AND lease_until > now()
       RETURNING 1`,
        [p.brandId, p.key, p.lease, p.leaseMs],
      ),
    );

    return rows.length > 0;
  }

  async messageByKey(brandId: string, key: string): Promise<MessageView | null> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        MessageRow,
        `SELECT m.* FROM outbound_ledger l JOIN messages m ON m.brand_id = l.brand_id AND m.id = l.message_id
       WHERE l.brand_id = $1 AND l.idempotency_key = $2`,
        [brandId, key],
      ),
    );

    return rows[0] ? toMessageView(rows[0]) : null;
  }

  /**
   * The attempt starts: `sending`, one more attempt, a fresh lease. Answers the lease (full
   * precision) for `renewLease` and the attempts so far, this one included.
   */
  async markSending(
    brandId: string,
    key: string,
    leaseMs: number,
  ): Promise<{ lease: string; attempts: number }> {
    const row = await withBrand(this.ds, brandId, (tx) =>
      selectOne(
        tx,
        SendingRow,
        `UPDATE outbound_ledger SET state = 'sending', attempts = attempts + 1, updated_at = now(),
         lease_until = now() + $3 * interval '1 millisecond'
       WHERE brand_id = $1 AND idempotency_key = $2 RETURNING lease_until::text, attempts`,
        [brandId, key, leaseMs],
      ),
    );

    return { lease: row.lease_until, attempts: row.attempts };
  }

  /**
   * Extends the lease `lease` of an attempt still running (a long media upload) only if it is
   * still that lease and the post is unsettled. Null: the lease expired and the reconciler took
   * the row, or it settled; the attempt must not post.
   */
  async renewLease(brandId: string, key: string, lease: string, leaseMs: number): Promise<string | null> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        LeaseRow,
        `UPDATE outbound_ledger SET lease_until = now() + $4 * interval '1 millisecond', updated_at = now()
       WHERE brand_id = $1 AND idempotency_key = $2 AND lease_until = $3::timestamptz
         AND state IN ('pending','sending','unknown')
       RETURNING lease_until::text`,
        [brandId, key, lease, leaseMs],
      ),
    );

    return rows[0]?.lease_until ?? null;
  }

  /**
   * Claims up to `limit` posts nobody is sending (pending, sending or unknown with an expired lease),
   * across brands: the reconciler settles what a crash or a lost answer left behind. The brands
   * with posts due come from `outbound_unsettled_brands()` (owner-run, brand ids only); each brand's
   * rows are then claimed under that brand, in one transaction per brand.
   */
  async claimUnsettled(leaseMs: number, limit: number): Promise<UnsettledEntry[]> {
    const brands = await selectRows(
      this.ds,
      UnsettledBrandRow,
      `SELECT brand_id FROM outbound_unsettled_brands() AS b(brand_id)`,
    );
    const rows: LedgerRow[] = [];
    for (const { brand_id: brandId } of brands) {
      if (rows.length >= limit) break;
      const claimed = await withBrand(this.ds, brandId, (tx) =>
        selectRows(
          tx,
          LedgerRow,
          // MATERIALIZED: picked once. A subquery the planner rescans (nested loop) would skip the rows
          // this UPDATE already changed and hand out more than `limit`.
          `WITH due AS MATERIALIZED (
           SELECT brand_id, idempotency_key FROM outbound_ledger
           WHERE brand_id = $3 AND state IN ('pending','sending','unknown') AND (lease_until IS NULL OR lease_until < now())
           ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE outbound_ledger l SET lease_until = now() + $1 * interval '1 millisecond', updated_at = now()
         FROM due
         WHERE l.brand_id = due.brand_id AND l.idempotency_key = due.idempotency_key
         RETURNING l.*, (SELECT m.agent_id FROM messages m WHERE m.brand_id = l.brand_id AND m.id = l.message_id) AS agent_id`,
          [leaseMs, limit - rows.length, brandId],
        ),
      );
      rows.push(...claimed);
    }

    return rows.map((r) => ({
      entry: {
        brandId: r.brand_id,
        idempotencyKey: r.idempotency_key,
        messageId: r.message_id,
        conversationId: r.conversation_id,
        purpose: r.purpose,
        kind: r.kind,
        accountHandle: r.account_handle,
        text: r.text,
        inReplyToXId: r.in_reply_to_x_id,
        recipientXId: r.recipient_x_id,
        agentId: r.agent_id,
        channel: r.kind === 'dm' ? 'dm' : 'public',
        ...(r.claim_inbound_x_id && r.agent_id
          ? { claim: { inboundXId: r.claim_inbound_x_id, agentId: r.agent_id } }
          : {}),
        ...(r.attachment_ids.length ? { attachmentIds: r.attachment_ids } : {}),
      },
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  async ledgerState(brandId: string, key: string): Promise<string | null> {
    const row = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(
        tx,
        LedgerStateRow,
        `SELECT state FROM outbound_ledger WHERE brand_id = $1 AND idempotency_key = $2`,
        [brandId, key],
      ),
    );

    return row?.state ?? null;
  }

  /**
   * The post is on X: ledger, message and conversation's first response in one transaction, with
   * `within` (the outbox row of `message.sent`) in it too. An automatic post (`purpose` other than
   * `agent`) is no response: the first response stays unset. A row already `sent` changes nothing
   * (`fresh` false: a second settlement of the same post announces nothing).
   */
  async markSent(
    e: LedgerEntry,
    xId: string,
    within?: (tx: EntityManager, sent: SentRecord) => Promise<void>,
  ): Promise<SentRecord | null> {
    return withBrand(this.ds, e.brandId, async (tx) => {
      const settled = await selectRows(
        tx,
        ReturningOneRow,
        `UPDATE outbound_ledger SET state = 'sent', x_id = $3, lease_until = NULL, updated_at = now()
         WHERE brand_id = $1 AND idempotency_key = $2 AND state <> 'sent' RETURNING 1`,
        [e.brandId, e.idempotencyKey, xId],
      );
      await execute(tx, RELEASE_ATTACHMENT_BYTES, [e.brandId, e.messageId]);
      if (!e.conversationId) {
        if (settled.length > 0) {
          await execute(
            tx,
            `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,NULL,$2,$3)`,
            [e.brandId, `${e.purpose}.sent`, { key: e.idempotencyKey, xId }],
          );
        }

        return null;
      }
      if (settled.length === 0) {
        const message = await selectOne(
          tx,
          MessageRow,
          `SELECT * FROM messages WHERE brand_id = $1 AND id = $2`,
          [e.brandId, e.messageId],
        );

        return {
          message: toMessageView(message),
          firstResponse: false,
          openedAt: new Date(),
          queueId: '',
          fresh: false,
        };
      }
      const updated = await selectOne(
        tx,
        MessageRow,
        `UPDATE messages SET status = 'sent', x_id = $3, created_at = now() WHERE brand_id = $1 AND id = $2 RETURNING *`,
        [e.brandId, e.messageId, xId],
      );
      const conv = await selectRows(
        tx,
        FirstResponseRow,
        `UPDATE conversations c SET first_response_at = CASE WHEN $3::boolean THEN COALESCE(c.first_response_at, now()) ELSE c.first_response_at END,
           last_message_at = now(), version = c.version + 1
         FROM (SELECT first_response_at IS NULL AS first FROM conversations WHERE brand_id = $1 AND id = $2 FOR UPDATE) prev
         WHERE c.brand_id = $1 AND c.id = $2 RETURNING prev.first AND $3::boolean AS first, c.opened_at, c.queue_id`,
        [e.brandId, e.conversationId, e.purpose === 'agent'],
      );
      const action = e.purpose !== 'agent' ? `${e.purpose}.sent` : e.kind === 'dm' ? 'dm.sent' : 'reply.sent';
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
        [e.brandId, e.agentId, action, e.conversationId, { key: e.idempotencyKey, xId }],
      );
      const c = conv[0];
      const sent: SentRecord = {
        message: toMessageView(updated),
        firstResponse: c?.first ?? false,
        openedAt: c?.opened_at ?? new Date(),
        queueId: c?.queue_id ?? '',
        fresh: true,
      };
      if (within) await within(tx, sent);

      return sent;
    });
  }

  /**
   * X's answer was unclear (5xx, 429, timeout, reset): the post may be on X. The row stays open
   * and keeps its claim; nothing sends it again before the reconciler looked on X. `retryAfterMs`
   * holds the reconciler off that long (its lease), else the current lease stands.
   */
  async markUnknown(p: {
    brandId: string;
    key: string;
    error: string;
    retryAfterMs?: number;
  }): Promise<void> {
    await withBrand(this.ds, p.brandId, (tx) =>
      execute(
        tx,
        `UPDATE outbound_ledger SET state = 'unknown', last_error = $3, updated_at = now(),
         lease_until = CASE WHEN $4::int IS NULL THEN lease_until ELSE now() + $4::int * interval '1 millisecond' END
       WHERE brand_id = $1 AND idempotency_key = $2 AND state <> 'sent'`,
        [p.brandId, p.key, p.error.slice(0, 1000), p.retryAfterMs ?? null],
      ),
    );
  }

  /**
   * X clearly refused the post (nothing was posted): `failed` is final, and the claim on the
   * customer's message is released with it, so the same agent or another can answer. An unclear
   * answer is never this (see `markUnknown`).
   */
  async markFailed(
    brandId: string,
    key: string,
    messageId: string,
    error: string,
    release?: AnswerClaim,
  ): Promise<void> {
    await withBrand(this.ds, brandId, async (tx) => {
      await execute(
        tx,
        `UPDATE outbound_ledger SET state = 'failed', last_error = $3, updated_at = now() WHERE brand_id = $1 AND idempotency_key = $2`,
        [brandId, key, error.slice(0, 1000)],
      );
      await execute(tx, `UPDATE messages SET status = 'failed' WHERE brand_id = $1 AND id = $2`, [
        brandId,
        messageId,
      ]);
      await execute(tx, RELEASE_ATTACHMENT_BYTES, [brandId, messageId]);
      if (release) {
        await execute(
          tx,
          `UPDATE messages SET answered_by = NULL WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2 AND answered_by = $3`,
          [brandId, release.inboundXId, release.agentId],
        );
      }
    });
  }

  /** Which of these X ids another ledger row of the brand (not `key`'s) already recorded as its post. */
  async xIdsRecordedElsewhere(brandId: string, xIds: readonly string[], key: string): Promise<Set<string>> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        RecordedXIdRow,
        `SELECT x_id FROM outbound_ledger WHERE brand_id = $1 AND x_id = ANY($2::text[]) AND idempotency_key <> $3`,
        [brandId, xIds, key],
      ),
    );

    return new Set(rows.map((r) => r.x_id));
  }
}
