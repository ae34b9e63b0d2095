import { Module } from '@nestjs/common';
import { AgentsResolver } from './agents.resolver';
import { AgentsService } from './agents.service';
import { RoutingConfigResolver } from './routing-config.resolver';
import { RoutingConfigService } from './routing-config.service';
import { RoutingResolver } from './routing.resolver';
import { RoutingService } from './routing.service';
import { SlaAlertsResolver } from './sla-alerts.resolver';
import { SlaAlertsService } from './sla-alerts.service';
import { AuthModule } from '../auth/auth.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';

@Module({
  imports: [SubscriptionsModule, AuthModule],
  providers: [
    RoutingService,
    RoutingResolver,
    RoutingConfigService,
    RoutingConfigResolver,
    AgentsService,
    AgentsResolver,
    SlaAlertsService,
    SlaAlertsResolver,
  ],
})
export class RoutingModule {}
