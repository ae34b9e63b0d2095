import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { FactsService } from './facts.service';

/** Conversation facts, folded from the conversation events. */
@Module({ imports: [DataModule], providers: [FactsService], exports: [FactsService] })
export class FactsModule {}
