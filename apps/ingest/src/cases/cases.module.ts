import { Module } from '@nestjs/common';
import { ActorRoles } from '@roost/messaging';
import { AccountsModule } from '../accounts/accounts.module';
import { BudgetModule } from '../budget/budget.module';
import { DataModule } from '../data/data.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { XApiModule } from '../x-api/x-api.module';
import { CaseFromTweetService } from './case-from-tweet.service';

/** Cases opened by hand: a pasted tweet (and its thread) read from X and published as mentions. */
@Module({
  imports: [AccountsModule, BudgetModule, DataModule, PipelineModule, XApiModule],
  providers: [ActorRoles, CaseFromTweetService],
  exports: [CaseFromTweetService],
})
export class CasesModule {}
