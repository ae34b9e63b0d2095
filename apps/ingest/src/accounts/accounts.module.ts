import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { XApiModule } from '../x-api/x-api.module';
import { AccountsBootstrap } from './accounts.bootstrap';
import { BrandDirectory } from './brand-directory';

/** The brands' X accounts and the listening directory. */
@Module({
  imports: [DataModule, XApiModule],
  providers: [BrandDirectory, AccountsBootstrap],
  exports: [BrandDirectory, AccountsBootstrap],
})
export class AccountsModule {}
