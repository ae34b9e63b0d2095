import { Module } from '@nestjs/common';
import { FactRepository } from './fact.repository';
import { ReportRepository } from './report.repository';

/** The metrics repositories (all SQL of the service), for the feature modules. */
@Module({
  providers: [FactRepository, ReportRepository],
  exports: [FactRepository, ReportRepository],
})
export class DataModule {}
