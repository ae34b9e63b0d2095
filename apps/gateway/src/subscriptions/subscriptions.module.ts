import { Module } from '@nestjs/common';
import { QueueUpdatesPubSub } from './queue-updates.pubsub';
import { SharedSubscriptionExecutor } from './shared-subscription.executor';

/**
 * Live plumbing: the NATS → subscription bridge and the shared executor. The graphql-ws server
 * itself is provided by AppModule, which alone can see the GraphQL schema host.
 */
@Module({
  providers: [QueueUpdatesPubSub, SharedSubscriptionExecutor],
  exports: [QueueUpdatesPubSub, SharedSubscriptionExecutor],
})
export class SubscriptionsModule {}
