import { Module, type DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import { CONVERSATIONS_MIGRATIONS } from './migrations';
import { ConversationsModule } from './conversations/conversations.module';

@Module({})
export class AppModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service: 'conversations', logLevel: env.logLevel }),
        DatabaseModule.forRoot({ service: 'conversations', migrations: CONVERSATIONS_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'conversations' }),
        ConversationsModule,
      ],
    };
  }
}
