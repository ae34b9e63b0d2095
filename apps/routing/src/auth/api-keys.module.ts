import { Module } from '@nestjs/common';
import { ApiKeyRequests } from './api-key.requests';
import { ApiKeyRepository } from './api-key.repository';

/** Credentials for integrations, owned here beside the agents' passwords. */
@Module({ providers: [ApiKeyRepository, ApiKeyRequests] })
export class ApiKeysModule {}
