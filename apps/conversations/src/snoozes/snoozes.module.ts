import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { SnoozeWakeUps } from './snooze-wake-ups.service';

/** Snoozed conversations wake at their time (a durable sweep over the stored snoozes). */
@Module({
  imports: [DataModule, QueueSnapshotsModule],
  providers: [SnoozeWakeUps],
  exports: [SnoozeWakeUps],
})
export class SnoozesModule {}
