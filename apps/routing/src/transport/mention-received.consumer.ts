import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { JetStreamConsumers } from '@roost/messaging';
import { RoutingService } from '../assignment/routing.service';

/** The durable consumer of mention.received (`routing-mentions`) shared by every routing instance. */
@Injectable()
export class MentionReceivedConsumer {
  constructor(consumers: JetStreamConsumers, routing: RoutingService) {
    consumers.consume({
      event: Events.MentionReceived,
      purpose: 'mentions',
      maxBatch: 500,
      maxWaitMs: 2,
      handle: (batch) => routing.handleBatch(batch),
    });
  }
}
