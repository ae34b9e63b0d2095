import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { CasesService } from './cases.service';

/** Issue 13: the customer's cases held together (suggestions, merge, split). */
@Module({
  imports: [DataModule, CommonModule, QueueSnapshotsModule],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
