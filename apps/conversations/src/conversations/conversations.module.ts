import { Module } from '@nestjs/common';
import { OutboundRepository } from '../outbound/outbound.repository';
import { OutboundService } from '../outbound/outbound.service';
import { XAccounts } from '../outbound/x-accounts';
import { ConversationRepository } from './conversation.repository';
import { ConversationRequests } from './conversation.requests';
import { ConversationRoutedConsumer } from './conversation-routed.consumer';
import { QueueSnapshots } from './queue-snapshots';

@Module({
  providers: [
    ConversationRepository,
    QueueSnapshots,
    ConversationRoutedConsumer,
    OutboundRepository,
    XAccounts,
    OutboundService,
    ConversationRequests,
  ],
})
export class ConversationsModule {}
