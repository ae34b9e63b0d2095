import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { BatchConsumer, NatsClient, fromNestLogger } from '@roost/messaging';
import { ReadinessRegistry } from '@roost/observability';
import { RoutingService } from '../assignment/routing.service';

/** The durable consumer of mention.received shared by every routing instance. */
@Injectable()
export class MentionReceivedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(MentionReceivedConsumer.name);
  private consumer: BatchConsumer<typeof Events.MentionReceived> | undefined;
  private started = false;

  constructor(
    private readonly client: NatsClient,
    private readonly routing: RoutingService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.MentionReceived,
      durable: this.client.topology.durable('routing', 'mentions'),
      maxBatch: 500,
      maxWaitMs: 2,
      log: fromNestLogger(this.log),
      handle: (batch) => this.routing.handleBatch(batch),
    });
    await this.consumer.start();
    this.started = true;
    this.readiness.register('mention-consumer', () => this.started);
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    await this.consumer?.stop();
  }
}
