import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { ClockModule, type Clock } from '@roost/platform';
import { ConversationsMetricsModule } from './common/metrics.module';
import { CONVERSATIONS_MIGRATIONS } from './migrations';
import { SnoozesModule } from './snoozes/snoozes.module';
import { TransportModule } from './transport/transport.module';

export interface ConversationsModuleOptions {
  /** The service's clock (the system's by default; tests pass a ManualClock). */
  clock?: Clock;
}

/** The conversations service: the platform (config, database, messaging, observability) and everything it answers. */
@Module({})
export class ConversationsAppModule {
  static forEnv(env: RoostEnv, opts: ConversationsModuleOptions = {}): DynamicModule {
    return {
      module: ConversationsAppModule,
      imports: [
        ...platformModules({
          env,
          service: 'conversations',
          migrations: CONVERSATIONS_MIGRATIONS,
          brandIsolation: true,
        }),
        ClockModule.forClock(opts.clock),
        ConversationsMetricsModule,
        TransportModule,
        SnoozesModule,
      ],
    };
  }
}
