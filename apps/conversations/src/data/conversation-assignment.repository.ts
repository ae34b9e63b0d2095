import { Injectable } from '@nestjs/common';
import type { ConversationAssignedV1, ConversationPriorityChangedV1 } from '@roost/contracts';
import { execute, useBrand, valuesList } from '@roost/database';
import { DataSource } from 'typeorm';

/** Assignee, queue and status as routing decided them (waiting list, manual assign, transfer). */
@Injectable()
export class ConversationAssignmentRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One transaction, one UPDATE per brand under that brand (row-level security), brands in key
   * order so concurrent consumers lock in one order. A resolved or snoozed conversation keeps its
   * status: routing only moves open ones. An event older than the last one applied (redelivery,
   * a late batch) changes nothing.
   */
  async apply(events: readonly ConversationAssignedV1[]): Promise<void> {
    const brands = [...new Set(events.map((e) => e.brandId))].sort();
    await this.ds.transaction(async (tx) => {
      for (const brandId of brands) {
        const v = valuesList(
          events
            .filter((e) => e.brandId === brandId)
            .map((e) => [e.brandId, e.conversationId, e.queueId, e.assigneeId, e.status, e.at]),
          ['uuid', 'uuid', 'uuid', 'uuid', 'text', 'timestamptz'],
        );
        await useBrand(tx, brandId);
        await execute(
          tx,
          `UPDATE conversations c SET queue_id = v.queue_id, assignee_id = v.assignee_id, assignment_at = v.at,
             status = CASE WHEN c.status IN ('waiting','assigned') THEN v.status ELSE c.status END, version = c.version + 1
           FROM (VALUES ${v.sql}) AS v(brand_id, id, queue_id, assignee_id, status, at)
           WHERE c.brand_id = v.brand_id AND c.id = v.id AND (c.assignment_at IS NULL OR c.assignment_at <= v.at)`,
          v.params,
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
}
