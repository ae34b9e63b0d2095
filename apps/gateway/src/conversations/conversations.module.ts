import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { AttachmentsService } from './attachments.service';
import { AutoPostsService } from './auto-posts.service';
import { CaseFromTweetService } from './case-from-tweet.service';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationLiveService } from './conversation-live.service';
import { ConversationsService } from './conversations.service';
import { CustomersService } from './customers.service';

const SERVICES = [
  AttachmentsService,
  AutoPostsService,
  CaseFromTweetService,
  ConversationsService,
  ConversationActionsService,
  ConversationLiveService,
  CustomersService,
];

@Module({ imports: [SubscriptionsModule], providers: SERVICES, exports: SERVICES })
export class ConversationsModule {}
