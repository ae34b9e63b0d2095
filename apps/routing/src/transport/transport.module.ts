import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AgentsModule } from '../agents/agents.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AssignmentModule } from '../assignment/assignment.module';
import { QueuesModule } from '../queues/queues.module';
import { ApiKeyRequests } from './api-key.requests';
import { AssignmentRequests } from './assignment.requests';
import { CustomerUpdatedConsumer } from './customer-updated.consumer';
import { ManagementRequests } from './management.requests';
import { MentionReceivedConsumer } from './mention-received.consumer';
import { RoutingRequests } from './routing.requests';
import { StatusChangedConsumer } from './status-changed.consumer';

/** What faces the bus: the JetStream consumers and the request/reply handlers. */
@Module({
  imports: [AccessModule, AgentsModule, ApiKeysModule, AssignmentModule, QueuesModule],
  providers: [
    MentionReceivedConsumer,
    StatusChangedConsumer,
    CustomerUpdatedConsumer,
    RoutingRequests,
    AssignmentRequests,
    ManagementRequests,
    ApiKeyRequests,
  ],
})
export class TransportModule {}
