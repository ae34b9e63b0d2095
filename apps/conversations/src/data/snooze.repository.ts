import { Injectable } from '@nestjs/common';
import { ConversationStatus } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, valuesList, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

const DueBrandRow = rowType('conversations.snooze.due_brand', { brand_id: Type.String() });

const WokenRow = rowType('conversations.snooze.woken', {
  id: Type.String(),
  status: ConversationStatus,
  version: Type.Integer(),
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  opened_at: Type.Date(),
  snoozed_until: Type.Date(),
});

/** A snoozed conversation the sweep woke: back to its assignee (assigned) or the waiting list. */
export interface Woken {
  conversationId: string;
  status: ConversationStatus;
  version: number;
  queueId: string;
  assigneeId: string | null;
  openedAt: Date;
  snoozedUntil: Date;
}

/** Snoozed conversations whose time has come. */
@Injectable()
export class SnoozeRepository {
  constructor(private readonly ds: DataSource) {}

  /** Brands with a snooze due at `now`, from the owner-run `snoozed_due_brands` (brand ids only). */
  async dueBrands(now: Date): Promise<string[]> {
    const rows = await selectRows(
      this.ds,
      DueBrandRow,
      `SELECT brand_id FROM snoozed_due_brands($1::timestamptz) AS b(brand_id)`,
      [now],
    );

    return rows.map((r) => r.brand_id);
  }

  /**
   * Wakes up to `limit` of the brand's due snoozes in one transaction: rows are claimed with
   * `FOR UPDATE SKIP LOCKED` (another instance's sweep takes the others, never the same one) and
   * the status check is repeated in the UPDATE, so a customer message or an agent's reopen that
   * committed first leaves nothing to wake. Status goes back as an agent's reopen sets it (assigned
   * with an assignee, else waiting); one `conversation.woken` audit row each; `within` adds the
   * outbox rows in the same transaction.
   */
  async wakeDue(p: {
    brandId: string;
    now: Date;
    limit: number;
    within: (tx: EntityManager, woken: readonly Woken[]) => Promise<void>;
  }): Promise<Woken[]> {
    return withBrand(this.ds, p.brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        WokenRow,
        `WITH due AS MATERIALIZED (
           SELECT brand_id, id, snoozed_until FROM conversations
           WHERE brand_id = $1 AND status = 'snoozed' AND snoozed_until <= $2
           ORDER BY snoozed_until LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE conversations c SET
           status = CASE WHEN c.assignee_id IS NULL THEN 'waiting' ELSE 'assigned' END,
           snoozed_until = NULL, version = c.version + 1
         FROM due
         WHERE c.brand_id = due.brand_id AND c.id = due.id AND c.status = 'snoozed'
         RETURNING c.id, c.status, c.version, c.queue_id, c.assignee_id, c.opened_at, due.snoozed_until`,
        [p.brandId, p.now, p.limit],
      );
      const woken = rows.map((r) => ({
        conversationId: r.id,
        status: r.status,
        version: r.version,
        queueId: r.queue_id,
        assigneeId: r.assignee_id,
        openedAt: r.opened_at,
        snoozedUntil: r.snoozed_until,
      }));
      if (woken.length === 0) return woken;
      const audit = valuesList(
        woken.map((w) => [
          p.brandId,
          'conversation.woken',
          w.conversationId,
          JSON.stringify({ from: 'snoozed', to: w.status, snoozedUntil: w.snoozedUntil.toISOString() }),
        ]),
        ['uuid', 'text', 'uuid', 'jsonb'],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details)
         SELECT v.brand_id, NULL, v.action, v.conversation_id, v.details FROM (VALUES ${audit.sql}) AS v(brand_id, action, conversation_id, details)`,
        audit.params,
      );
      await p.within(tx, woken);

      return woken;
    });
  }
}
