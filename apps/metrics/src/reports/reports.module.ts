import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';
import { FactConsumers } from '../facts/fact-consumers';
import { FactRepository } from '../facts/fact.repository';
import { StaffingService } from '../staffing/staffing.service';
import { WaitPublisher } from '../wait/wait-publisher.service';
import { CsvExporter } from './csv-exporter';
import { MetricsRequests } from './metrics.requests';
import { ReportRepository } from './report.repository';
import { ReportsService } from './reports.service';

/** Conversation facts, the reports over them, staffing advice and the expected-wait publisher. */
@Module({
  providers: [ActorRoles, FactRepository, FactConsumers, ReportRepository, ReportsService, StaffingService, CsvExporter, MetricsRequests, WaitPublisher],
  exports: [FactRepository, ReportsService, StaffingService, WaitPublisher],
})
export class ReportsModule {}
