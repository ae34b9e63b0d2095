import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { QueuesService } from './queues.service';

@Module({ imports: [SubscriptionsModule], providers: [QueuesService], exports: [QueuesService] })
export class QueuesModule {}
