import { Module } from '@nestjs/common';
import { ActorRoles, OUTBOX_PROVIDER } from '@roost/messaging';
import { ConversationActionsRepository } from '../actions/conversation-actions.repository';
import { ConversationActionsRequests } from '../actions/conversation-actions.requests';
import { ConversationActionsService } from '../actions/conversation-actions.service';
import { ConversationAssignedConsumer } from '../actions/conversation-assigned.consumer';
import { CustomerRepository } from '../actions/customer.repository';
import { AutoPostsRepository } from '../auto-posts/auto-posts.repository';
import { AutoPostsRequests } from '../auto-posts/auto-posts.requests';
import { OutOfHoursAckService } from '../auto-posts/out-of-hours-ack.service';
import { WaitStatusConsumer } from '../auto-posts/wait-status.consumer';
import { WaitStatusRepository } from '../auto-posts/wait-status.repository';
import { WaitStatusService } from '../auto-posts/wait-status.service';
import { BrandReplyObservedConsumer } from '../brand-replies/brand-reply-observed.consumer';
import { BrandReplyRepository } from '../brand-replies/brand-reply.repository';
import { ComplianceRepository } from '../compliance/compliance.repository';
import { ComplianceRequests } from '../compliance/compliance.requests';
import { ContentWithdrawnConsumer } from '../compliance/content-withdrawn.consumer';
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
    ActorRoles,
    { provide: CONVERSATIONS_SETTINGS, useFactory: () => readConversationsSettings() },
    OUTBOX_PROVIDER,
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
    BrandReplyRepository,
    BrandReplyObservedConsumer,
    AutoPostsRepository,
    AutoPostsRequests,
    OutOfHoursAckService,
    WaitStatusRepository,
    WaitStatusService,
    WaitStatusConsumer,
    ComplianceRepository,
    ComplianceRequests,
    ContentWithdrawnConsumer,
  ],
})
export class ConversationsModule {}
