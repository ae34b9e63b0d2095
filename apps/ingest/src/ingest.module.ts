import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsBootstrap } from './accounts/accounts.bootstrap';
import { BrandAccountsRepository } from './accounts/brand-accounts.repository';
import { BrandDirectory } from './accounts/brand-directory';
import { ListeningAdminRepository } from './accounts/listening-admin.repository';
import { XBudgetService } from './budget/x-budget.service';
import { INGEST_SETTINGS, type IngestSettings } from './config/ingest-settings';
import { MentionPipeline } from './pipeline/mention-pipeline.service';
import { ListeningRequests } from './rpc/listening.requests';
import { ComplianceJobsSource } from './sources/compliance-jobs.source';
import { DmPollerSource } from './sources/dm-poller.source';
import { FilteredStreamSource } from './sources/filtered-stream.source';
import { MentionsPollerSource } from './sources/mentions-poller.source';
import { RecentSearchReader } from './sources/recent-search.reader';
import { SearchPollerSource } from './sources/search-poller.source';
import { TweetIntake } from './sources/tweet-intake.service';
import { XAppClient } from './sources/x-app-client';
import { XApiMetrics } from './x-api/x-api-metrics';
import { XRateLimiter } from './x-api/x-rate-limiter';
import { XUserClients } from './x-api/x-user-clients';

@Module({})
export class IngestModule {
  static forSettings(settings: IngestSettings): DynamicModule {
    return {
      module: IngestModule,
      providers: [
        { provide: INGEST_SETTINGS, useValue: settings },
        { provide: XRateLimiter, useValue: new XRateLimiter() },
        XApiMetrics,
        BrandAccountsRepository,
        ListeningAdminRepository,
        BrandDirectory,
        XAppClient,
        XUserClients,
        XBudgetService,
        AccountsBootstrap,
        MentionPipeline,
        TweetIntake,
        RecentSearchReader,
        SearchPollerSource,
        FilteredStreamSource,
        MentionsPollerSource,
        DmPollerSource,
        ComplianceJobsSource,
        ListeningRequests,
      ],
      exports: [MentionPipeline, TweetIntake, MentionsPollerSource, FilteredStreamSource, SearchPollerSource, DmPollerSource, ComplianceJobsSource, BrandDirectory, XBudgetService],
    };
  }
}
