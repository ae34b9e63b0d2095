import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { JetStreamConsumers } from '@roost/messaging';
import { RoutingService } from '../assignment/routing.service';

/** customer.updated (a customer made VIP or not, from conversations' outbox) → the brand's VIP set. */
@Injectable()
export class CustomerUpdatedConsumer {
  constructor(consumers: JetStreamConsumers, routing: RoutingService) {
    consumers.consume({
      event: Events.CustomerUpdated,
      purpose: 'customers',
      maxBatch: 200,
      maxWaitMs: 5,
      handle: (batch) => routing.handleCustomerBatch(batch),
    });
  }
}
