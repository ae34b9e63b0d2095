import { Injectable } from '@nestjs/common';
import { Events } from '@roost/contracts';
import { DONE, JetStreamConsumers } from '@roost/messaging';
import { RoutedMentionsService } from '../conversations/routed-mentions.service';

/** conversation.routed → RoutedMentionsService (stored a batch per statement). */
@Injectable()
export class ConversationRoutedConsumer {
  constructor(consumers: JetStreamConsumers, mentions: RoutedMentionsService) {
    consumers.consume({
      event: Events.ConversationRouted,
      purpose: 'routed',
      maxBatch: 500,
      maxWaitMs: 2,
      handle: async (batch) => {
        await mentions.store(batch.map((d) => d.payload));

        return batch.map(() => DONE);
      },
    });
  }
}
