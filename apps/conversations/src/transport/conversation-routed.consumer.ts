import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ConversationRoutedV1 } from '@roost/contracts';
import {
  BatchConsumer,
  DONE,
  NatsClient,
  fromNestLogger,
  type Delivery,
  type Outcome,
} from '@roost/messaging';
import { ReadinessRegistry } from '@roost/observability';
import { RoutedMentionsService } from '../conversations/routed-mentions.service';

/** conversation.routed → RoutedMentionsService (stored a batch per statement); ready once consuming. */
@Injectable()
export class ConversationRoutedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ConversationRoutedConsumer.name);
  private consumer: BatchConsumer<typeof Events.ConversationRouted> | undefined;
  private started = false;

  constructor(
    private readonly client: NatsClient,
    private readonly mentions: RoutedMentionsService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.ConversationRouted,
      durable: this.client.topology.durable('conversations', 'routed'),
      maxBatch: 500,
      maxWaitMs: 2,
      log: fromNestLogger(this.log),
      handle: (batch) => this.handle(batch),
    });
    await this.consumer.start();
    this.started = true;
    this.readiness.register('routed-consumer', () => this.started);
  }

  private async handle(batch: ReadonlyArray<Delivery<ConversationRoutedV1>>): Promise<Outcome[]> {
    await this.mentions.store(batch.map((d) => d.payload));

    return batch.map(() => DONE);
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    await this.consumer?.stop();
  }
}
