import { Module } from '@nestjs/common';
import { QueueSnapshots } from './queue-snapshots';

/** The live queue updates every feature sends after a change, with routing's latest counters. */
@Module({
  providers: [QueueSnapshots],
  exports: [QueueSnapshots],
})
export class QueueSnapshotsModule {}
