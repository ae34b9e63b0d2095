import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type QueueWaitEstimatedV1 } from '@roost/contracts';
import {
  BatchConsumer,
  DONE,
  NatsClient,
  fromNestLogger,
  type Delivery,
  type Outcome,
} from '@roost/messaging';
import { WaitStatusService } from '../auto-posts/wait-status.service';

/** metrics' `queue.wait_estimated` → the brand's expected-wait status tweet (issue 6). */
@Injectable()
export class WaitStatusConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(WaitStatusConsumer.name);
  private consumer: BatchConsumer<typeof Events.QueueWaitEstimated> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly waitStatus: WaitStatusService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new BatchConsumer({
      client: this.client,
      event: Events.QueueWaitEstimated,
      durable: this.client.topology.durable('conversations', 'wait-status'),
      maxBatch: 50,
      maxWaitMs: 10,
      log: fromNestLogger(this.log),
      handle: (batch) => this.handle(batch),
    });
    await this.consumer.start();
  }

  private async handle(batch: ReadonlyArray<Delivery<QueueWaitEstimatedV1>>): Promise<Outcome[]> {
    // In order: a queue's estimates compare against the last status tweet.
    for (const d of batch) await this.waitStatus.handle(d.payload);

    return batch.map(() => DONE);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
