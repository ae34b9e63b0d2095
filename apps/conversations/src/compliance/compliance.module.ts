import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { ComplianceService } from './compliance.service';

@Module({
  imports: [DataModule, QueueSnapshotsModule],
  providers: [ComplianceService],
  exports: [ComplianceService],
})
export class ComplianceModule {}
