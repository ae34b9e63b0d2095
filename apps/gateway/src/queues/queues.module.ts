import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { QueuesResolver } from './queues.resolver';
import { QueuesService } from './queues.service';

@Module({ imports: [SubscriptionsModule], providers: [QueuesService, QueuesResolver] })
export class QueuesModule {}
