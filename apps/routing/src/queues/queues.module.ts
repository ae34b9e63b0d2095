import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { StateModule } from '../state/state.module';
import { QueuesService } from './queues.service';

/** Queues, routing rules and staffing. */
@Module({ imports: [DataModule, StateModule], providers: [QueuesService], exports: [QueuesService] })
export class QueuesModule {}
