import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { BrandWriter } from './brand-writer';

/** Each brand's routing state in memory, changed only through BrandWriter's locked writes. */
@Module({ imports: [DataModule], providers: [BrandWriter], exports: [BrandWriter] })
export class StateModule {}
