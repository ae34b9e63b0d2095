import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DataModule } from '../data/data.module';
import { OutboundModule } from '../outbound/outbound.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { ConversationActionsService } from './conversation-actions.service';
import { CustomersService } from './customers.service';

/** What agents do to a conversation and its customer. */
@Module({
  imports: [CommonModule, DataModule, OutboundModule, QueueSnapshotsModule],
  providers: [ConversationActionsService, CustomersService],
  exports: [ConversationActionsService, CustomersService],
})
export class ActionsModule {}
