import { Module } from '@nestjs/common';
import { ApiSpendRepository } from './api-spend.repository';
import { BrandAccountsRepository } from './brand-accounts.repository';
import { CaseLimitsRepository } from './case-limits.repository';
import { ListeningAdminRepository } from './listening-admin.repository';

/** The ingest repositories (all SQL of the service), for the feature modules. */
@Module({
  providers: [ApiSpendRepository, BrandAccountsRepository, CaseLimitsRepository, ListeningAdminRepository],
  exports: [ApiSpendRepository, BrandAccountsRepository, CaseLimitsRepository, ListeningAdminRepository],
})
export class DataModule {}
