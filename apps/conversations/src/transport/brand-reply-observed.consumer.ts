import { Injectable } from '@nestjs/common';
import { Events, type BrandReplyObservedV1 } from '@roost/contracts';
import { DONE, JetStreamConsumers, type Delivery, type Outcome } from '@roost/messaging';
import { BrandRepliesService } from '../brand-replies/brand-replies.service';

/** brand_reply.observed → BrandRepliesService, one reply at a time; a reply it cannot thread yet is retried. */
@Injectable()
export class BrandReplyObservedConsumer {
  constructor(
    consumers: JetStreamConsumers,
    private readonly brandReplies: BrandRepliesService,
  ) {
    consumers.consume({
      event: Events.BrandReplyObserved,
      purpose: 'brand-replies',
      maxBatch: 100,
      maxWaitMs: 5,
      handle: (batch) => this.handle(batch),
    });
  }

  private async handle(batch: ReadonlyArray<Delivery<BrandReplyObservedV1>>): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const d of batch) {
      const outcome = await this.brandReplies.observe(d.payload);
      out.push(outcome === 'done' ? DONE : { kind: 'retry', reason: outcome.retry });
    }

    return out;
  }
}
