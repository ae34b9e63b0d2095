import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { ApiKeys } from './api-keys.service';

/** Credentials for integrations, owned here beside the agents' passwords. */
@Module({ imports: [DataModule], providers: [ApiKeys], exports: [ApiKeys] })
export class ApiKeysModule {}
