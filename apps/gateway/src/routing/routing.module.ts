import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { AgentsService } from './agents.service';
import { RoutingConfigService } from './routing-config.service';
import { RoutingService } from './routing.service';
import { SlaAlertsService } from './sla-alerts.service';

const SERVICES = [RoutingService, RoutingConfigService, AgentsService, SlaAlertsService];

@Module({ imports: [SubscriptionsModule, AuthModule], providers: SERVICES, exports: SERVICES })
export class RoutingModule {}
