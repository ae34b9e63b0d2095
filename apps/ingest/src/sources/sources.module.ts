import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BudgetModule } from '../budget/budget.module';
import { DataModule } from '../data/data.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { XApiModule } from '../x-api/x-api.module';
import { ComplianceJobsSource } from './compliance-jobs.source';
import { DmPollerSource } from './dm-poller.source';
import { FilteredStreamSource } from './filtered-stream.source';
import { MentionsPollerSource } from './mentions-poller.source';
import { RecentSearchReader } from './recent-search.reader';
import { SearchPollerSource } from './search-poller.source';
import { TweetIntake } from './tweet-intake.service';

/** What ingest reads from X: the filtered stream, the pollers and the compliance jobs. */
@Module({
  imports: [DataModule, AccountsModule, BudgetModule, PipelineModule, XApiModule],
  providers: [
    TweetIntake,
    RecentSearchReader,
    SearchPollerSource,
    FilteredStreamSource,
    MentionsPollerSource,
    DmPollerSource,
    ComplianceJobsSource,
  ],
  exports: [FilteredStreamSource],
})
export class SourcesModule {}
