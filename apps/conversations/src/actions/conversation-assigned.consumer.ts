import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ConversationAssignedV1 } from '@roost/contracts';
import { BatchConsumer, DONE, NatsClient, fromNestLogger, type Delivery, type Outcome } from '@roost/messaging';
import { DataSource } from 'typeorm';
import { useBrand, valuesList } from '@roost/database';
import { QueueSnapshots } from '../conversations/queue-snapshots';

/**
 * Keeps assignee, queue and status in step with routing (waiting list, manual assign, transfer),
 * one UPDATE per brand of a batch, then tells consoles. An event older than the row's last assignment change
 * is ignored, so a redelivered transfer never undoes a newer one.
 */
@Injectable()
export class ConversationAssignedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ConversationAssignedConsumer.name);
  private consumer: BatchConsumer<typeof Events.ConversationAssigned> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly ds: DataSource,
    private readonly queues: QueueSnapshots,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.ConversationAssigned,
      durable: this.client.topology.durable('conversations', 'assigned'),
      maxBatch: 200,
      maxWaitMs: 5,
      log: fromNestLogger(this.log),
      handle: (batch) => this.handle(batch),
    });
    await this.consumer.start();
  }

  private async handle(batch: ReadonlyArray<Delivery<ConversationAssignedV1>>): Promise<Outcome[]> {
    const latest = new Map<string, ConversationAssignedV1>();
    for (const d of batch) {
      const k = `${d.payload.brandId}:${d.payload.conversationId}`;
      const prev = latest.get(k);
      if (!prev || prev.at <= d.payload.at) latest.set(k, d.payload);
    }
    const events = [...latest.values()];
    const brands = [...new Set(events.map((e) => e.brandId))].sort();
    // One transaction, one UPDATE per brand under that brand (row-level security), brands in key
    // order so concurrent consumers lock in one order. A resolved or snoozed conversation keeps its
    // status: routing only moves open ones. An event older than the last one applied (redelivery,
    // a late batch) changes nothing.
    await this.ds.transaction(async (tx) => {
      for (const brandId of brands) {
        const v = valuesList(
          events.filter((e) => e.brandId === brandId).map((e) => [e.brandId, e.conversationId, e.queueId, e.assigneeId, e.status, e.at]),
          ['uuid', 'uuid', 'uuid', 'uuid', 'text', 'timestamptz'],
        );
        await useBrand(tx, brandId);
        await tx.query(
          `UPDATE conversations c SET queue_id = v.queue_id, assignee_id = v.assignee_id, assignment_at = v.at,
             status = CASE WHEN c.status IN ('waiting','assigned') THEN v.status ELSE c.status END, version = c.version + 1
           FROM (VALUES ${v.sql}) AS v(brand_id, id, queue_id, assignee_id, status, at)
           WHERE c.brand_id = v.brand_id AND c.id = v.id AND (c.assignment_at IS NULL OR c.assignment_at <= v.at)`,
          v.params,
        );
      }
    });
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

    return batch.map(() => DONE);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
