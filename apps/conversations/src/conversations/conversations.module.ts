import { Module } from '@nestjs/common';
import { ConversationActionsRepository } from '../actions/conversation-actions.repository';
import { ConversationActionsRequests } from '../actions/conversation-actions.requests';
import { ConversationActionsService } from '../actions/conversation-actions.service';
import { ConversationAssignedConsumer } from '../actions/conversation-assigned.consumer';
import { CustomerRepository } from '../actions/customer.repository';
import { GuidelinesRepository } from '../guidelines/guidelines.repository';
import { OutboundDispatcher } from '../outbound/outbound-dispatcher';
import { OutboundReconciler } from '../outbound/outbound-reconciler';
import { OutboundRepository } from '../outbound/outbound.repository';
import { OutboundService } from '../outbound/outbound.service';
import { XAccounts } from '../outbound/x-accounts';
import { XPostLookup } from '../outbound/x-post-lookup';
import { CONVERSATIONS_SETTINGS, readConversationsSettings } from '../settings/conversations.settings';
import { ConversationRepository } from './conversation.repository';
import { ConversationRequests } from './conversation.requests';
import { ConversationRoutedConsumer } from './conversation-routed.consumer';
import { QueueSnapshots } from './queue-snapshots';

@Module({
  providers: [
    { provide: CONVERSATIONS_SETTINGS, useFactory: () => readConversationsSettings() },
    ConversationRepository,
    QueueSnapshots,
    ConversationRoutedConsumer,
    GuidelinesRepository,
    OutboundRepository,
    XAccounts,
    XPostLookup,
    OutboundDispatcher,
    OutboundReconciler,
    OutboundService,
    ConversationRequests,
    ConversationActionsRepository,
    CustomerRepository,
    ConversationActionsService,
    ConversationActionsRequests,
    ConversationAssignedConsumer,
  ],
})
export class ConversationsModule {}
