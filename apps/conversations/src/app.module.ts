import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { CONVERSATIONS_MIGRATIONS } from './migrations';
import { ConversationsModule } from './conversations/conversations.module';

@Module({})
export class AppModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...platformModules({ env, service: 'conversations', migrations: CONVERSATIONS_MIGRATIONS, brandIsolation: true }),
        ConversationsModule,
      ],
    };
  }
}
