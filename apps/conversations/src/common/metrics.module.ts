import { Global, Module } from '@nestjs/common';
import { ConversationsMetrics } from './conversations.metrics';

/** The service's metrics (ConversationsMetrics, on the observability Registry) for every module. */
@Global()
@Module({ providers: [ConversationsMetrics], exports: [ConversationsMetrics] })
export class ConversationsMetricsModule {}
