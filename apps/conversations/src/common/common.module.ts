import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';

/** What several features share: the acting agent's current role (asked of routing, cached). */
@Module({
  providers: [ActorRoles],
  exports: [ActorRoles],
})
export class CommonModule {}
