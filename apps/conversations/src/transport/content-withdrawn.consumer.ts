import { Injectable } from '@nestjs/common';
import { Events, type ComplianceContentWithdrawnV1 } from '@roost/contracts';
import { DONE, JetStreamConsumers, type Delivery, type Outcome } from '@roost/messaging';
import { ComplianceService } from '../compliance/compliance.service';

/**
 * compliance.content_withdrawn → ComplianceService, one event at a time. An invalid payload is
 * dead-lettered by BatchConsumer; a database failure retries.
 */
@Injectable()
export class ContentWithdrawnConsumer {
  constructor(
    consumers: JetStreamConsumers,
    private readonly compliance: ComplianceService,
  ) {
    consumers.consume({
      event: Events.ComplianceContentWithdrawn,
      purpose: 'compliance',
      maxBatch: 100,
      maxWaitMs: 5,
      handle: (batch) => this.handle(batch),
    });
  }

  private async handle(batch: ReadonlyArray<Delivery<ComplianceContentWithdrawnV1>>): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const d of batch) {
      await this.compliance.withdraw(d.payload);
      out.push(DONE);
    }

    return out;
  }
}
