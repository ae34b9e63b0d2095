import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { ConversationsMetricsModule } from './common/metrics.module';
import { CONVERSATIONS_MIGRATIONS } from './migrations';
import { TransportModule } from './transport/transport.module';

/** The conversations service: the platform (config, database, messaging, observability) and everything it answers. */
@Module({})
export class ConversationsAppModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: ConversationsAppModule,
      imports: [
        ...platformModules({
          env,
          service: 'conversations',
          migrations: CONVERSATIONS_MIGRATIONS,
          brandIsolation: true,
        }),
        ConversationsMetricsModule,
        TransportModule,
      ],
    };
  }
}
