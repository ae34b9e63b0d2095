import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ConversationAssignedV1 } from '@roost/contracts';
import {
  BatchConsumer,
  DONE,
  NatsClient,
  fromNestLogger,
  type Delivery,
  type Outcome,
} from '@roost/messaging';
import { AssignmentsService } from '../conversations/assignments.service';

/** conversation.assigned (routing's waiting list, manual assign, transfer) → AssignmentsService, a batch at a time. */
@Injectable()
export class ConversationAssignedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ConversationAssignedConsumer.name);
  private consumer: BatchConsumer<typeof Events.ConversationAssigned> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly assignments: AssignmentsService,
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
    await this.assignments.apply(batch.map((d) => d.payload));

    return batch.map(() => DONE);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
