import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';
import { QueueLocks } from './queue-locks';

/** What several features share, asked of routing and cached: the acting agent's current role, the brand's hard-locked queues. */
@Module({
  providers: [ActorRoles, QueueLocks],
  exports: [ActorRoles, QueueLocks],
})
export class CommonModule {}
