import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { XBudgetService } from './x-budget.service';

/** X API spend per brand, its budget and forecast. */
@Module({ imports: [DataModule], providers: [XBudgetService], exports: [XBudgetService] })
export class BudgetModule {}
