import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';
import { CONVERSATIONS_SETTINGS, readConversationsSettings } from './conversations.settings';

/** What several features share: this service's settings, and the acting agent's current role (asked of routing, cached). */
@Module({
  providers: [{ provide: CONVERSATIONS_SETTINGS, useFactory: () => readConversationsSettings() }, ActorRoles],
  exports: [CONVERSATIONS_SETTINGS, ActorRoles],
})
export class CommonModule {}
