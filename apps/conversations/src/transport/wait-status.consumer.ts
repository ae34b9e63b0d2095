import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { DONE, JetStreamConsumers } from '@roost/messaging';
import { WaitStatusService } from '../auto-posts/wait-status.service';

/** metrics' `queue.wait_estimated` → the brand's expected-wait status tweet (issue 6). */
@Injectable()
export class WaitStatusConsumer {
  constructor(consumers: JetStreamConsumers, waitStatus: WaitStatusService) {
    consumers.consume({
      event: Events.QueueWaitEstimated,
      purpose: 'wait-status',
      maxBatch: 50,
      maxWaitMs: 10,
      handle: async (batch) => {
        // In order: a queue's estimates compare against the last status tweet.
        for (const d of batch) await waitStatus.handle(d.payload);

        return batch.map(() => DONE);
      },
    });
  }
}
