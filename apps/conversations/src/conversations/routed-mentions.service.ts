import { Injectable } from '@nestjs/common';
import { Events, type ConversationRoutedV1 } from '@roost/contracts';
import { Outbox, outboxEvent, type OutboxEvent } from '@roost/messaging';
import { OutOfHoursAckService } from '../auto-posts/out-of-hours-ack.service';
import { ConversationsMetrics } from '../common/conversations.metrics';
import { ConversationRepository, type StatusTransition } from '../data/conversation.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

/** conversation.status_changed for a conversation the customer's message reopened or woke. */
function reopenEvent(t: StatusTransition, key: string): OutboxEvent {
  return outboxEvent(
    Events.ConversationStatusChanged,
    {
      schema: 1,
      brandId: t.brandId,
      conversationId: t.conversationId,
      queueId: t.queueId,
      assigneeId: t.assigneeId,
      status: t.status,
      previousStatus: t.previousStatus,
      reason: t.previousStatus === 'resolved' ? 'reopened_by_customer' : 'unsnoozed',
      actorId: null,
      openedAt: t.openedAt.toISOString(),
      at: new Date().toISOString(),
    },
    { msgId: `status:${t.brandId}:${t.conversationId}:${t.previousStatus}:${t.status}:${key}` },
  );
}

/** Stores routed mentions as messages, a batch per statement, then tells consoles. */
@Injectable()
export class RoutedMentionsService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly queues: QueueSnapshots,
    private readonly outbox: Outbox,
    private readonly oohAck: OutOfHoursAckService,
    private readonly metrics: ConversationsMetrics,
  ) {}

  async store(events: readonly ConversationRoutedV1[]): Promise<void> {
    // Routing frees or takes back capacity from these: written with the reopening itself (the
    // outbox), because a redelivered batch finds the conversation open and would not announce it.
    const reopened = await this.repo.storeRouted(events, (tx, brandId, transitions) => {
      const key = events.find((e) => e.brandId === brandId)?.mention.tweet.id ?? '';

      return this.outbox.add(
        tx,
        brandId,
        transitions.map((t) => reopenEvent(t, key)),
      );
    });
    for (const brandId of new Set(reopened.map((t) => t.brandId))) this.outbox.kick(brandId);
    this.metrics.messagesStored.inc(events.length);
    // Recorded in the ledger before the batch is acknowledged; posted in the background.
    await this.oohAck.afterStored(events);
    for (const e of events) {
      this.queues.remember(e.queueId, e.queueSnapshot);
      this.queues.publish(e.brandId, e.queueId, {
        reason: 'conversation_routed',
        conversationId: e.conversationId,
        conversationStatus: e.status,
        assigneeId: e.assigneeId,
        sourceCreatedAt: e.mention.tweet.createdAt,
      });
    }
  }
}
