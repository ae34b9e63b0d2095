import { Module } from '@nestjs/common';
import { OUTBOX_PROVIDER, Outbox } from '@roost/messaging';
import { AdminRepository } from './admin.repository';
import { ApiKeyRepository } from './api-key.repository';
import { RoutingRepository } from './routing.repository';

/** Routing's repositories and its outbox (one instance for every feature module), for the feature modules. */
@Module({
  providers: [AdminRepository, ApiKeyRepository, RoutingRepository, OUTBOX_PROVIDER],
  exports: [AdminRepository, ApiKeyRepository, RoutingRepository, Outbox],
})
export class DataModule {}
