import { Injectable } from '@nestjs/common';
import type { ConversationAssignedV1, ConversationPriorityChangedV1 } from '@roost/contracts';
import { ConversationAssignmentRepository } from '../data/conversation-assignment.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

/**
 * Keeps assignee, queue and status in step with routing (waiting list, manual assign, transfer),
 * then tells consoles. An event older than the row's last assignment change is ignored, so a
 * redelivered transfer never undoes a newer one.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repo: ConversationAssignmentRepository,
    private readonly queues: QueueSnapshots,
  ) {}

  /** A batch of routing's assignments: the latest per conversation is applied. */
  async apply(batch: readonly ConversationAssignedV1[]): Promise<void> {
    const latest = new Map<string, ConversationAssignedV1>();
    for (const e of batch) {
      const k = `${e.brandId}:${e.conversationId}`;
      const prev = latest.get(k);
      if (!prev || prev.at <= e.at) latest.set(k, e);
    }
    const events = [...latest.values()];
    // Every transfer and take-over goes into the history, even one a later event of the batch superseded.
    await this.repo.apply(
      events,
      batch.filter((e) => e.reason === 'transfer' || e.takeOver === true),
    );
    for (const e of events) {
      this.queues.remember(e.queueId, e.queueSnapshot);
      this.queues.publish(e.brandId, e.queueId, {
        reason: 'conversation_assigned',
        conversationId: e.conversationId,
        conversationStatus: e.status,
        assigneeId: e.assigneeId,
        sourceCreatedAt: null,
      });
    }
  }

  /** Priorities routing raised (a customer made VIP), then consoles are told. */
  async raisePriorities(batch: readonly ConversationPriorityChangedV1[]): Promise<void> {
    await this.repo.raisePriorities(batch);
    for (const e of batch) {
      this.queues.publish(e.brandId, e.queueId, {
        reason: 'conversation_updated',
        conversationId: e.conversationId,
        conversationStatus: null,
        assigneeId: null,
        sourceCreatedAt: null,
      });
    }
  }
}
