import { Module } from '@nestjs/common';
import { AutoPostsModule } from '../auto-posts/auto-posts.module';
import { DataModule } from '../data/data.module';
import { QueueSnapshotsModule } from '../queue-snapshots/queue-snapshots.module';
import { AssignmentsService } from './assignments.service';
import { ConversationsService } from './conversations.service';
import { RoutedMentionsService } from './routed-mentions.service';

/** The conversations feature: routed mentions stored, routing's assignments applied, conversations listed and opened. */
@Module({
  imports: [DataModule, AutoPostsModule, QueueSnapshotsModule],
  providers: [ConversationsService, RoutedMentionsService, AssignmentsService],
  exports: [ConversationsService, RoutedMentionsService, AssignmentsService],
})
export class ConversationsFeatureModule {}
