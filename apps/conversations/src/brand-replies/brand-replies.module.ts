import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { BrandRepliesService } from './brand-replies.service';

@Module({
  imports: [DataModule, QueueSnapshotsModule],
  providers: [BrandRepliesService],
  exports: [BrandRepliesService],
})
export class BrandRepliesModule {}
