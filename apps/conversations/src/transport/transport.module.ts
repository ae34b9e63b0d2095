import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AutoPostsModule } from '../auto-posts/auto-posts.module';
import { BrandRepliesModule } from '../brand-replies/brand-replies.module';
import { CasesModule } from '../cases/cases.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ConversationsFeatureModule } from '../conversations/conversations-feature.module';
import { GuidelinesModule } from '../guidelines/guidelines.module';
import { OutboundModule } from '../outbound/outbound.module';
import { AutoPostsRequests } from './auto-posts.requests';
import { BrandReplyObservedConsumer } from './brand-reply-observed.consumer';
import { ComplianceRequests } from './compliance.requests';
import { ContentWithdrawnConsumer } from './content-withdrawn.consumer';
import { ConversationActionsRequests } from './conversation-actions.requests';
import { ConversationAssignedConsumer } from './conversation-assigned.consumer';
import { ConversationRequests } from './conversation.requests';
import { ConversationRoutedConsumer } from './conversation-routed.consumer';
import { WaitStatusConsumer } from './wait-status.consumer';

/** What faces NATS: the JetStream consumers and the request/reply handlers, each delegating to a feature's service. */
@Module({
  imports: [
    ActionsModule,
    AutoPostsModule,
    BrandRepliesModule,
    CasesModule,
    ComplianceModule,
    ConversationsFeatureModule,
    GuidelinesModule,
    OutboundModule,
  ],
  providers: [
    ConversationRoutedConsumer,
    ConversationAssignedConsumer,
    BrandReplyObservedConsumer,
    ContentWithdrawnConsumer,
    WaitStatusConsumer,
    ConversationRequests,
    ConversationActionsRequests,
    AutoPostsRequests,
    ComplianceRequests,
  ],
})
export class TransportModule {}
