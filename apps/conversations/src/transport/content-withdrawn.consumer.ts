import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events, type ComplianceContentWithdrawnV1 } from '@roost/contracts';
import {
  BatchConsumer,
  DONE,
  NatsClient,
  fromNestLogger,
  type Delivery,
  type Outcome,
} from '@roost/messaging';
import { ComplianceService } from '../compliance/compliance.service';

/**
 * compliance.content_withdrawn → ComplianceService, one event at a time. An invalid payload is
 * dead-lettered by BatchConsumer; a database failure retries.
 */
@Injectable()
export class ContentWithdrawnConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ContentWithdrawnConsumer.name);
  private consumer: BatchConsumer<typeof Events.ComplianceContentWithdrawn> | undefined;

  constructor(
    private readonly client: NatsClient,
    private readonly compliance: ComplianceService,
  ) {}

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

  private async handle(batch: ReadonlyArray<Delivery<ComplianceContentWithdrawnV1>>): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const d of batch) {
      await this.compliance.withdraw(d.payload);
      out.push(DONE);
    }

    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
