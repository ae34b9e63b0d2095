import { Module } from '@nestjs/common';
import { RollupConsumers } from './rollup-consumers';
import { RollupRepository } from './rollup.repository';

@Module({ providers: [RollupRepository, RollupConsumers] })
export class RollupsModule {}
