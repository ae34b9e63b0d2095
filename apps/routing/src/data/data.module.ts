import { Module } from '@nestjs/common';
import { AdminRepository } from './admin.repository';
import { ApiKeyRepository } from './api-key.repository';
import { RoutingRepository } from './routing.repository';

/** Routing's repositories, for the feature modules. */
@Module({
  providers: [AdminRepository, ApiKeyRepository, RoutingRepository],
  exports: [AdminRepository, ApiKeyRepository, RoutingRepository],
})
export class DataModule {}
