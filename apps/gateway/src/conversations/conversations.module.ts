import { Module } from '@nestjs/common';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';

@Module({ providers: [ConversationsService, ConversationsResolver] })
export class ConversationsModule {}
