import { Module } from '@nestjs/common';
import { AccountsBootstrap } from './accounts/accounts.bootstrap';
import { BrandAccountsRepository } from './accounts/brand-accounts.repository';
import { BrandDirectory } from './accounts/brand-directory';
import { MentionRepository } from './pipeline/mention.repository';
import { MentionPipeline } from './pipeline/mention-pipeline.service';
import { FilteredStreamSource } from './sources/filtered-stream.source';
import { MentionsPollerSource } from './sources/mentions-poller.source';
import { TweetIntake } from './sources/tweet-intake.service';
import { XAppClient } from './sources/x-app-client';

@Module({
  providers: [
    BrandAccountsRepository,
    BrandDirectory,
    XAppClient,
    AccountsBootstrap,
    MentionRepository,
    MentionPipeline,
    TweetIntake,
    FilteredStreamSource,
    MentionsPollerSource,
  ],
  exports: [MentionPipeline, TweetIntake, MentionsPollerSource, FilteredStreamSource],
})
export class IngestModule {}
