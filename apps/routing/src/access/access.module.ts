import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { Actors } from './actors';

/** The acting agent's current role, judged on routing's own tables. */
@Module({ imports: [DataModule], providers: [Actors], exports: [Actors] })
export class AccessModule {}
