import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DataModule } from '../data/data.module';
import { GuidelinesService } from './guidelines.service';

@Module({
  imports: [DataModule, CommonModule],
  providers: [GuidelinesService],
  exports: [GuidelinesService],
})
export class GuidelinesModule {}
