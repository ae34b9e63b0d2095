import { Module } from '@nestjs/common';
import { PresencePubSub } from './presence.pubsub';
import { QueueUpdatesPubSub } from './queue-updates.pubsub';
import { SharedSubscriptionExecutor } from './shared-subscription.executor';
import { SlaAlertsPubSub } from './sla-alerts.pubsub';
import { WaitTimesPubSub } from './wait-times.pubsub';

/**
 * Live plumbing: the NATS → subscription bridges (one per live event, one NATS subscription per
 * brand each) and the shared executor. The graphql-ws server itself is provided by GatewayModule,
 * which alone can see the GraphQL schema host.
 */
@Module({
  providers: [
    QueueUpdatesPubSub,
    WaitTimesPubSub,
    PresencePubSub,
    SlaAlertsPubSub,
    SharedSubscriptionExecutor,
  ],
  exports: [QueueUpdatesPubSub, WaitTimesPubSub, PresencePubSub, SlaAlertsPubSub, SharedSubscriptionExecutor],
})
export class SubscriptionsModule {}
