import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { DONE, JetStreamConsumers } from '@roost/messaging';
import { AssignmentsService } from '../conversations/assignments.service';

/**
 * conversation.assigned (routing's waiting list, manual assign, transfer) and
 * conversation.priority_changed (a customer made VIP) → AssignmentsService, a batch at a time.
 */
@Injectable()
export class ConversationAssignedConsumer {
  constructor(consumers: JetStreamConsumers, assignments: AssignmentsService) {
    consumers.consume({
      event: Events.ConversationAssigned,
      purpose: 'assigned',
      maxBatch: 200,
      maxWaitMs: 5,
      handle: async (batch) => {
        await assignments.apply(batch.map((d) => d.payload));

        return batch.map(() => DONE);
      },
    });
    consumers.consume({
      event: Events.ConversationPriorityChanged,
      purpose: 'priorities',
      maxBatch: 200,
      maxWaitMs: 5,
      handle: async (batch) => {
        await assignments.raisePriorities(batch.map((d) => d.payload));

        return batch.map(() => DONE);
      },
    });
  }
}
