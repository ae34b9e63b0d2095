import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { ConversationActionsResolver } from './conversation-actions.resolver';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationLiveResolver } from './conversation-live.resolver';
import { ConversationLiveService } from './conversation-live.service';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';
import { AutoPostsResolver, AutoPostsService } from './auto-posts.resolver';

@Module({
  imports: [SubscriptionsModule],
  providers: [
    AutoPostsService,
    AutoPostsResolver,
    ConversationsService,
    ConversationsResolver,
    ConversationActionsService,
    ConversationActionsResolver,
    ConversationLiveService,
    ConversationLiveResolver,
    CustomersService,
    CustomersResolver,
  ],
})
export class ConversationsModule {}
