import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { JetStreamConsumers } from '@roost/messaging';
import { RoutingService } from '../assignment/routing.service';

/**
 * conversation.status_changed (capacity freed or taken back) and message.sent (first response
 * stops the SLA timer), each on a durable shared by every routing instance.
 */
@Injectable()
export class StatusChangedConsumer {
  constructor(consumers: JetStreamConsumers, routing: RoutingService) {
    consumers.consume({
      event: Events.ConversationStatusChanged,
      purpose: 'status',
      maxBatch: 200,
      maxWaitMs: 5,
      handle: (batch) => routing.handleStatusBatch(batch),
    });
    consumers.consume({
      event: Events.MessageSent,
      purpose: 'responses',
      maxBatch: 200,
      maxWaitMs: 5,
      handle: (batch) => routing.handleSentBatch(batch),
    });
  }
}
