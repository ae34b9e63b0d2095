import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ConversationStatus,
  DomainError,
  ErrorCode,
  type ActionResult,
  type NoteView,
  type TransferView,
} from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

export interface Actor {
  brandId: string;
  agentId: string;
}

const MutatedRow = rowType('conversations.actions.mutate', {
  status: ConversationStatus,
  version: Type.Integer(),
  tags: Type.Array(Type.String()),
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  opened_at: Type.Date(),
  previous: ConversationStatus,
});

const CurrentStatusRow = rowType('conversations.actions.current_status', {
  status: Type.String(),
  version: Type.Integer(),
  merged_into: Nullable(Type.String()),
});

const ClaimedVersionRow = rowType('conversations.actions.claim_version', { version: Type.Integer() });

const AddedNoteRow = rowType('conversations.actions.add_note', {
  id: Type.String(),
  created_at: Type.Date(),
});

const TransferRow = rowType('conversations.actions.transfer', {
  at: Type.Date(),
  actor_id: Nullable(Type.String()),
  details: Type.Object({
    actorName: Type.Optional(Nullable(Type.String())),
    fromAgentId: Type.Optional(Nullable(Type.String())),
    fromQueueId: Type.Optional(Nullable(Type.String())),
    toAgentId: Type.Optional(Nullable(Type.String())),
    toQueueId: Type.Optional(Nullable(Type.String())),
    note: Type.Optional(Nullable(Type.String())),
  }),
});

export interface Mutated {
  result: ActionResult;
  previousStatus: ConversationStatus;
  queueId: string;
  assigneeId: string | null;
  openedAt: Date;
}

/**
 * Agent actions on a conversation. Each is one UPDATE guarded by the expected version (optimistic
 * concurrency) and the allowed previous statuses, plus its audit row, in one transaction.
 */
@Injectable()
export class ConversationActionsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * `to: 'open'` reopens: assigned when it has an assignee, waiting otherwise.
   * `set` is extra SQL assignments (`tags = …`), with `params` numbered from $7.
   */
  async mutate(p: {
    actor: Actor;
    conversationId: string;
    expectedVersion?: number;
    to: ConversationStatus | 'open' | 'same';
    allowedFrom: readonly ConversationStatus[];
    snoozedUntil?: Date;
    set?: string;
    params?: unknown[];
    audit: { action: string; details?: Record<string, unknown> };
    /** More writes in the same transaction (the outbox row of the status change). */
    within?: (tx: EntityManager, m: Mutated) => Promise<void>;
  }): Promise<Mutated> {
    return withBrand(this.ds, p.actor.brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        MutatedRow,
        `WITH prev AS (SELECT status, version FROM conversations WHERE brand_id = $1 AND id = $2 FOR UPDATE)
         UPDATE conversations c SET
           status = CASE $3::text WHEN 'same' THEN c.status WHEN 'open' THEN (CASE WHEN c.assignee_id IS NULL THEN 'waiting' ELSE 'assigned' END)
                    ELSE $3::text END,
           resolved_at = CASE WHEN $3::text = 'resolved' THEN now() WHEN $3::text = 'same' THEN c.resolved_at ELSE NULL END,
           snoozed_until = CASE WHEN $3::text = 'same' THEN c.snoozed_until ELSE $4::timestamptz END,
           version = c.version + 1${p.set ? `, ${p.set}` : ''}
         FROM prev
         WHERE c.brand_id = $1 AND c.id = $2 AND prev.status = ANY($5::text[]) AND ($6::int IS NULL OR prev.version = $6::int)
           -- A conversation merged into another stays resolved for good (issue 13).
           AND (c.merged_into IS NULL OR $3::text = 'same')
         RETURNING c.status, c.version, c.tags, c.queue_id, c.assignee_id, c.opened_at, prev.status AS previous`,
        [
          p.actor.brandId,
          p.conversationId,
          p.to,
          p.snoozedUntil ?? null,
          p.allowedFrom,
          p.expectedVersion ?? null,
          ...(p.params ?? []),
        ],
      );
      const row = rows[0];
      if (!row) throw await this.whyNot(tx, p);
      await this.audit(tx, p.actor, p.conversationId, p.audit.action, {
        ...p.audit.details,
        from: row.previous,
        to: row.status,
      });

      const m: Mutated = {
        result: {
          conversationId: p.conversationId,
          status: row.status,
          version: row.version,
          tags: row.tags,
        },
        previousStatus: row.previous,
        queueId: row.queue_id,
        assigneeId: row.assignee_id,
        openedAt: row.opened_at,
      };
      if (p.within) await p.within(tx, m);

      return m;
    });
  }

  /** Adds and removes tags (kept distinct and sorted), in any status. */
  async tag(p: {
    actor: Actor;
    conversationId: string;
    add: string[];
    remove: string[];
    expectedVersion?: number;
  }): Promise<Mutated> {
    return this.mutate({
      actor: p.actor,
      conversationId: p.conversationId,
      expectedVersion: p.expectedVersion,
      to: 'same',
      allowedFrom: ['waiting', 'assigned', 'snoozed', 'resolved'],
      set: `tags = ARRAY(SELECT DISTINCT t FROM unnest(c.tags || $7::text[]) t WHERE NOT t = ANY($8::text[]) ORDER BY t)`,
      params: [p.add, p.remove],
      audit: { action: 'conversation.tagged', details: { add: p.add, remove: p.remove } },
    });
  }

  async snooze(p: {
    actor: Actor;
    conversationId: string;
    until: Date;
    expectedVersion?: number;
    within?: (tx: EntityManager, m: Mutated) => Promise<void>;
  }): Promise<Mutated> {
    return this.mutate({
      ...(p.within ? { within: p.within } : {}),
      actor: p.actor,
      conversationId: p.conversationId,
      expectedVersion: p.expectedVersion,
      to: 'snoozed',
      allowedFrom: ['waiting', 'assigned', 'snoozed'],
      snoozedUntil: p.until,
      audit: { action: 'conversation.snoozed', details: { until: p.until.toISOString() } },
    });
  }

  private async whyNot(
    tx: EntityManager,
    p: { actor: Actor; conversationId: string; expectedVersion?: number; to: string },
  ): Promise<DomainError> {
    const rows = await selectRows(
      tx,
      CurrentStatusRow,
      `SELECT status, version, merged_into FROM conversations WHERE brand_id = $1 AND id = $2`,
      [p.actor.brandId, p.conversationId],
    );
    const cur = rows[0];
    if (!cur) return DomainError.notFound('conversation', p.conversationId);
    if (cur.merged_into && p.to !== 'same') {
      return new DomainError(ErrorCode.BadUserInput, 'this conversation was merged into another', {
        reason: 'ALREADY_MERGED',
        conversationId: p.conversationId,
        mergedInto: cur.merged_into,
      });
    }
    if (p.expectedVersion !== undefined && cur.version !== p.expectedVersion) {
      return new DomainError(ErrorCode.Conflict, 'the conversation changed since you loaded it', {
        reason: 'VERSION_MISMATCH',
        expectedVersion: p.expectedVersion,
        currentVersion: cur.version,
      });
    }

    return new DomainError(ErrorCode.BadUserInput, `a ${cur.status} conversation cannot become ${p.to}`, {
      reason: 'INVALID_TRANSITION',
      status: cur.status,
    });
  }

  /**
   * Takes the caller's expected version in one conditional UPDATE (bumping it), so of two actions
   * loaded at the same version exactly one proceeds; the other gets CONFLICT before it posts anything.
   */
  async claimVersion(p: {
    actor: Actor;
    conversationId: string;
    expectedVersion: number;
    to: string;
  }): Promise<number> {
    return withBrand(this.ds, p.actor.brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        ClaimedVersionRow,
        `UPDATE conversations SET version = version + 1 WHERE brand_id = $1 AND id = $2 AND version = $3 RETURNING version`,
        [p.actor.brandId, p.conversationId, p.expectedVersion],
      );
      const row = rows[0];
      if (!row) throw await this.whyNot(tx, p);

      return row.version;
    });
  }

  async markMovedToDm(actor: Actor, conversationId: string): Promise<void> {
    await withBrand(this.ds, actor.brandId, async (tx) => {
      await execute(
        tx,
        `UPDATE conversations SET channel = 'dm', moved_to_dm_at = COALESCE(moved_to_dm_at, now()), version = version + 1
         WHERE brand_id = $1 AND id = $2`,
        [actor.brandId, conversationId],
      );
      await this.audit(tx, actor, conversationId, 'conversation.moved_to_dm', {});
    });
  }

  async addNote(p: {
    actor: Actor;
    initials: string;
    customerId: string;
    conversationId: string | null;
    text: string;
  }): Promise<NoteView> {
    return withBrand(this.ds, p.actor.brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        AddedNoteRow,
        `INSERT INTO customer_notes (brand_id, id, customer_id, conversation_id, author_id, author_initials, text)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id, created_at`,
        [p.actor.brandId, randomUUID(), p.customerId, p.conversationId, p.actor.agentId, p.initials, p.text],
      );
      const r = rows[0]!;
      await this.audit(tx, p.actor, p.conversationId, 'note.added', {
        noteId: r.id,
        customerId: p.customerId,
      });

      return {
        id: r.id,
        customerId: p.customerId,
        conversationId: p.conversationId,
        authorId: p.actor.agentId,
        authorInitials: p.initials,
        text: p.text,
        createdAt: r.created_at.toISOString(),
      };
    });
  }

  /** The conversation's transfers (its `conversation.transferred` audit rows), oldest first. */
  async transfers(brandId: string, conversationId: string): Promise<TransferView[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        TransferRow,
        `SELECT at, actor_id, details FROM audit_log
         WHERE brand_id = $1 AND conversation_id = $2 AND action = 'conversation.transferred' ORDER BY at, id`,
        [brandId, conversationId],
      ),
    );

    return rows.map((r) => ({
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.details.actorName ?? null,
      fromAgentId: r.details.fromAgentId ?? null,
      fromQueueId: r.details.fromQueueId ?? null,
      toAgentId: r.details.toAgentId ?? null,
      toQueueId: r.details.toQueueId ?? null,
      note: r.details.note ?? null,
    }));
  }

  /** Inside the caller's transaction, which declared the actor's brand. */
  async audit(
    tx: EntityManager,
    actor: Actor,
    conversationId: string | null,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await execute(
      tx,
      `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
      [actor.brandId, actor.agentId, action, conversationId, details],
    );
  }
}
