import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthModule } from '../auth/auth.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { ListeningModule } from '../listening/listening.module';
import { MetricsModule } from '../metrics/metrics.module';
import { QueuesModule } from '../queues/queues.module';
import { RoutingModule } from '../routing/routing.module';
import { AgentsResolver } from './agents.resolver';
import { ApiKeysResolver } from './api-keys.resolver';
import { AuthResolver } from './auth.resolver';
import { AutoPostsResolver } from './auto-posts.resolver';
import { CasesResolver } from './cases.resolver';
import { ConversationActionsResolver } from './conversation-actions.resolver';
import { ConversationLiveResolver } from './conversation-live.resolver';
import { ConversationsResolver } from './conversations.resolver';
import { CustomersResolver } from './customers.resolver';
import { ListeningResolver } from './listening.resolver';
import { MediaController } from './media.controller';
import { MetricsResolver } from './metrics.resolver';
import { QueuesResolver } from './queues.resolver';
import { RoutingConfigResolver } from './routing-config.resolver';
import { RoutingResolver } from './routing.resolver';
import { SlaAlertsResolver } from './sla-alerts.resolver';

/**
 * The GraphQL resolvers: each decodes its arguments, calls a feature's service and returns its
 * answer. The graphql-ws server (GraphqlWsServer) is provided by GatewayModule, which alone can
 * see the GraphQL schema host.
 */
@Module({
  imports: [
    AuthModule,
    ApiKeysModule,
    ConversationsModule,
    QueuesModule,
    MetricsModule,
    RoutingModule,
    ListeningModule,
  ],
  controllers: [MediaController],
  providers: [
    AuthResolver,
    ApiKeysResolver,
    AutoPostsResolver,
    CasesResolver,
    ConversationsResolver,
    ConversationActionsResolver,
    ConversationLiveResolver,
    CustomersResolver,
    QueuesResolver,
    MetricsResolver,
    RoutingResolver,
    RoutingConfigResolver,
    AgentsResolver,
    SlaAlertsResolver,
    ListeningResolver,
  ],
})
export class TransportModule {}
