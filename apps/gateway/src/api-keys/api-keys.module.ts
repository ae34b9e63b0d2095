import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';

@Module({ imports: [AuthModule], providers: [ApiKeysService, ApiKeysResolver] })
export class ApiKeysModule {}
