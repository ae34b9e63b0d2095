import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';
import { FactsModule } from '../facts/facts.module';
import { ReportsModule } from '../reports/reports.module';
import { StaffingModule } from '../staffing/staffing.module';
import { WaitModule } from '../wait/wait.module';
import { FactConsumers } from './fact-consumers';
import { MetricsRequests } from './metrics.requests';

/** The conversation-event consumers and the gateway's request/reply handlers. */
@Module({
  imports: [FactsModule, ReportsModule, StaffingModule, WaitModule],
  providers: [ActorRoles, FactConsumers, MetricsRequests],
})
export class TransportModule {}
