import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ConversationAssignedV1, ConversationPriorityChangedV1 } from '@roost/contracts';
import { execute, useBrand, valuesList } from '@roost/database';
import { DataSource, type EntityManager } from 'typeorm';

/** A stable id per transfer (brand, conversation, time): a redelivered event finds its note stored. */
function transferNoteId(e: ConversationAssignedV1): string {
  const h = createHash('sha1').update(`transfer-note:${e.brandId}:${e.conversationId}:${e.at}`).digest('hex');

  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Initials for a note's author from their name (notes show initials). */
function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase());

  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? '?')).slice(0, 4);
}

/** Assignee, queue and status as routing decided them (waiting list, manual assign, transfer). */
@Injectable()
export class ConversationAssignmentRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One transaction, one UPDATE per brand under that brand (row-level security), brands in key
   * order so concurrent consumers lock in one order. A resolved or snoozed conversation keeps its
   * status: routing only moves open ones. An event older than the last one applied (redelivery,
   * a late batch) changes nothing. `transfers` (every transfer of the batch, not only the latest
   * event per conversation) are recorded in the same transaction: see `recordTransfers`.
   */
  async apply(
    events: readonly ConversationAssignedV1[],
    transfers: readonly ConversationAssignedV1[] = [],
  ): Promise<void> {
    const brands = [...new Set([...events, ...transfers].map((e) => e.brandId))].sort();
    await this.ds.transaction(async (tx) => {
      for (const brandId of brands) {
        await useBrand(tx, brandId);
        const mine = events.filter((e) => e.brandId === brandId);
        if (mine.length > 0) {
          const v = valuesList(
            mine.map((e) => [e.brandId, e.conversationId, e.queueId, e.assigneeId, e.status, e.at]),
            ['uuid', 'uuid', 'uuid', 'uuid', 'text', 'timestamptz'],
          );
          await execute(
            tx,
            `UPDATE conversations c SET queue_id = v.queue_id, assignee_id = v.assignee_id, assignment_at = v.at,
               status = CASE WHEN c.status IN ('waiting','assigned') THEN v.status ELSE c.status END, version = c.version + 1
             FROM (VALUES ${v.sql}) AS v(brand_id, id, queue_id, assignee_id, status, at)
             WHERE c.brand_id = v.brand_id AND c.id = v.id AND (c.assignment_at IS NULL OR c.assignment_at <= v.at)`,
            v.params,
          );
        }
        await this.recordTransfers(
          tx,
          transfers.filter((e) => e.brandId === brandId),
        );
      }
    });
  }

  /**
   * Routing raised priorities (a customer made VIP): each conversation keeps the higher of its
   * priority and the event's, so redelivery and order change nothing. One UPDATE per brand.
   */
  async raisePriorities(events: readonly ConversationPriorityChangedV1[]): Promise<void> {
    const brands = [...new Set(events.map((e) => e.brandId))].sort();
    await this.ds.transaction(async (tx) => {
      for (const brandId of brands) {
        const v = valuesList(
          events.filter((e) => e.brandId === brandId).map((e) => [e.brandId, e.conversationId, e.priority]),
          ['uuid', 'uuid', 'int'],
        );
        await useBrand(tx, brandId);
        await execute(
          tx,
          `UPDATE conversations c SET priority = v.priority, version = c.version + 1
           FROM (SELECT brand_id, id, max(priority) AS priority FROM (VALUES ${v.sql}) AS x(brand_id, id, priority)
                 GROUP BY brand_id, id) AS v
           WHERE c.brand_id = v.brand_id AND c.id = v.id AND c.priority < v.priority`,
          v.params,
        );
      }
    });
  }

  /**
   * A transfer in the conversation's history: one `conversation.transferred` audit row (actor, from
   * and to agent and queue, the note), and its note for the next agent as a conversation note
   * authored by the transferring actor. A supervisor's take-over is `conversation.taken_over`. Both
   * keyed by the event (brand, conversation, time), so a redelivered event adds nothing.
   */
  private async recordTransfers(
    tx: EntityManager,
    transfers: readonly ConversationAssignedV1[],
  ): Promise<void> {
    for (const e of transfers) {
      const noteId = e.transferNote ? transferNoteId(e) : null;
      const details = {
        transferAt: e.at,
        fromAgentId: e.previousAssigneeId,
        fromQueueId: e.previousQueueId ?? e.queueId,
        toAgentId: e.assigneeId,
        toQueueId: e.queueId,
        actorName: e.transferNote?.authorName ?? null,
        note: e.transferNote?.text ?? null,
        noteId,
      };
      const action = e.takeOver ? 'conversation.taken_over' : 'conversation.transferred';
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details)
         SELECT $1, $2, $6, $3, $4::jsonb
         WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE brand_id = $1 AND conversation_id = $3
           AND action = $6 AND details->>'transferAt' = $5)`,
        [e.brandId, e.actorId, e.conversationId, JSON.stringify(details), e.at, action],
      );
      if (e.transferNote && noteId && e.actorId) {
        await execute(
          tx,
          `INSERT INTO customer_notes (brand_id, id, customer_id, conversation_id, author_id, author_initials, text)
           SELECT c.brand_id, $3, c.customer_id, c.id, $4, $5, $6 FROM conversations c WHERE c.brand_id = $1 AND c.id = $2
           ON CONFLICT DO NOTHING`,
          [
            e.brandId,
            e.conversationId,
            noteId,
            e.actorId,
            initialsOf(e.transferNote.authorName),
            e.transferNote.text,
          ],
        );
      }
    }
  }
}
