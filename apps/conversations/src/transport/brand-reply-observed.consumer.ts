import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type BrandReplyObservedV1 } from '@roost/contracts';
import {
  BatchConsumer,
  DONE,
  NatsClient,
  fromNestLogger,
  type Delivery,
  type Outcome,
} from '@roost/messaging';
import { BrandRepliesService } from '../brand-replies/brand-replies.service';

/** brand_reply.observed → BrandRepliesService, one reply at a time; a reply it cannot thread yet is retried. */
@Injectable()
export class BrandReplyObservedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(BrandReplyObservedConsumer.name);
  private consumer: BatchConsumer<typeof Events.BrandReplyObserved> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly brandReplies: BrandRepliesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.BrandReplyObserved,
      durable: this.client.topology.durable('conversations', 'brand-replies'),
      maxBatch: 100,
      maxWaitMs: 5,
      log: fromNestLogger(this.log),
      handle: (batch) => this.handle(batch),
    });
    await this.consumer.start();
  }

  private async handle(batch: ReadonlyArray<Delivery<BrandReplyObservedV1>>): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const d of batch) {
      const outcome = await this.brandReplies.observe(d.payload);
      out.push(outcome === 'done' ? DONE : { kind: 'retry', reason: outcome.retry });
    }

    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
