import { Module } from '@nestjs/common';
import { ApiSpendRepository } from './api-spend.repository';
import { BrandAccountsRepository } from './brand-accounts.repository';
import { ListeningAdminRepository } from './listening-admin.repository';

/** The ingest repositories (all SQL of the service), for the feature modules. */
@Module({
  providers: [ApiSpendRepository, BrandAccountsRepository, ListeningAdminRepository],
  exports: [ApiSpendRepository, BrandAccountsRepository, ListeningAdminRepository],
})
export class DataModule {}
