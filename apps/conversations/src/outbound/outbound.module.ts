import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { AttachmentsService } from './attachments.service';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundReconciler } from './outbound-reconciler';
import { OutboundService } from './outbound.service';
import { XAccounts } from './x-accounts';
import { XPostLookup } from './x-post-lookup';

/** Posts to X exactly once: agents' posts (OutboundService), automatic ones (OutboundDispatcher), and the reconciler settling what stayed unclear. */
@Module({
  imports: [DataModule, CommonModule, QueueSnapshotsModule],
  providers: [
    XAccounts,
    XPostLookup,
    AttachmentsService,
    OutboundDispatcher,
    OutboundReconciler,
    OutboundService,
  ],
  exports: [OutboundService, OutboundDispatcher, AttachmentsService],
})
export class OutboundModule {}
