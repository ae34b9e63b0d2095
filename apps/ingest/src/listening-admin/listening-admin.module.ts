import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DataModule } from '../data/data.module';
import { SourcesModule } from '../sources/sources.module';
import { ListeningAdminService } from './listening-admin.service';

/** Listening management (a brand's rules and accounts). */
@Module({
  imports: [DataModule, AccountsModule, SourcesModule],
  providers: [ListeningAdminService],
  exports: [ListeningAdminService],
})
export class ListeningAdminModule {}
