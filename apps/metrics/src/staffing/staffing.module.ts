import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { StaffingService } from './staffing.service';

/** Erlang C staffing advice. */
@Module({ imports: [DataModule], providers: [StaffingService], exports: [StaffingService] })
export class StaffingModule {}
