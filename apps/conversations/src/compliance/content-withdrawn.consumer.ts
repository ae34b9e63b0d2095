import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ComplianceContentWithdrawnV1 } from '@roost/contracts';
import { BatchConsumer, DONE, NatsClient, fromNestLogger, type Delivery, type Outcome } from '@roost/messaging';
import { Counter, Registry } from 'prom-client';
import { QueueSnapshots } from '../conversations/queue-snapshots';
import { ComplianceRepository } from './compliance.repository';

/**
 * Applies compliance.content_withdrawn: redacts the deleted tweet, or the withdrawn user's profile
 * and messages. Idempotent (already redacted rows are skipped; an id Roost never stored is a
 * no-op); an invalid payload is dead-lettered by BatchConsumer; a database failure retries.
 */
@Injectable()
export class ContentWithdrawnConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ContentWithdrawnConsumer.name);
  private consumer: BatchConsumer<typeof Events.ComplianceContentWithdrawn> | undefined;
  private readonly redacted: Counter<'kind' | 'what'>;

  constructor(
    private readonly client: NatsClient,
    private readonly repo: ComplianceRepository,
    private readonly queues: QueueSnapshots,
    registry: Registry,
  ) {
    this.redacted = new Counter({
      name: 'roost_conversations_compliance_redactions_total',
      help: 'Rows redacted for X compliance, by event kind and what was redacted',
      labelNames: ['kind', 'what'],
      registers: [registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.ComplianceContentWithdrawn,
      durable: this.client.topology.durable('conversations', 'compliance'),
      maxBatch: 100,
      maxWaitMs: 5,
      log: fromNestLogger(this.log),
      handle: (batch) => this.handle(batch),
    });
    await this.consumer.start();
  }

  /** One transaction per event: each is small, and a user's redaction must not half-apply. */
  private async handle(batch: ReadonlyArray<Delivery<ComplianceContentWithdrawnV1>>): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const d of batch) {
      const e = d.payload;
      const { conversations, ...r } = await this.repo.apply(e);
      // Open consoles refetch the conversation (the text is gone) instead of showing it until reload.
      for (const c of conversations) {
        this.queues.publish(e.brandId, c.queueId, {
          reason: 'conversation_updated',
          conversationId: c.conversationId,
          conversationStatus: null,
          assigneeId: null,
          sourceCreatedAt: null,
        });
      }
      this.redacted.inc({ kind: e.kind, what: 'messages' }, r.messages);
      this.redacted.inc({ kind: e.kind, what: 'customers' }, r.customers);
      this.redacted.inc({ kind: e.kind, what: 'failed_replies' }, r.failedReplies);
      if (r.messages + r.customers + r.failedReplies > 0) {
        this.log.log({ brandId: e.brandId, kind: e.kind, xId: e.xId, reason: e.reason, ...r }, 'content redacted');
      }
      out.push(DONE);
    }

    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
