import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { WaitPublisher } from './wait-publisher.service';

/** The expected wait of every queue, published on a timer. */
@Module({ imports: [DataModule], providers: [WaitPublisher], exports: [WaitPublisher] })
export class WaitModule {}
