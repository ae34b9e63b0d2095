import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { StaffingModule } from '../staffing/staffing.module';
import { CsvExporter } from './csv-exporter';
import { ReportsService } from './reports.service';

/** The reports over conversation facts and their CSV export. */
@Module({
  imports: [DataModule, StaffingModule],
  providers: [ReportsService, CsvExporter],
  exports: [ReportsService, CsvExporter],
})
export class ReportsModule {}
