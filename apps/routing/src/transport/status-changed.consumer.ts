import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { BatchConsumer, NatsClient, fromNestLogger } from '@roost/messaging';
import { RoutingService } from '../assignment/routing.service';

/**
 * conversation.status_changed (capacity freed or taken back) and message.sent (first response
 * stops the SLA timer), each on a durable shared by every routing instance.
 */
@Injectable()
export class StatusChangedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(StatusChangedConsumer.name);
  private status: BatchConsumer<typeof Events.ConversationStatusChanged> | undefined;
  private sent: BatchConsumer<typeof Events.MessageSent> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly routing: RoutingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.status = new BatchConsumer({
      client: this.client,
      event: Events.ConversationStatusChanged,
      durable: this.client.topology.durable('routing', 'status'),
      maxBatch: 200,
      maxWaitMs: 5,
      log: fromNestLogger(this.log),
      handle: (batch) => this.routing.handleStatusBatch(batch),
    });
    this.sent = new BatchConsumer({
      client: this.client,
      event: Events.MessageSent,
      durable: this.client.topology.durable('routing', 'responses'),
      maxBatch: 200,
      maxWaitMs: 5,
      log: fromNestLogger(this.log),
      handle: (batch) => this.routing.handleSentBatch(batch),
    });
    await Promise.all([this.status.start(), this.sent.start()]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.status?.stop(), this.sent?.stop()]);
  }
}
