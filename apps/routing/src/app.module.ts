import { Module, type DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import { ROUTING_MIGRATIONS } from './migrations';
import { RoutingModule, type RoutingModuleOptions } from './routing/routing.module';

@Module({})
export class AppModule {
  /** `routing` lets tests inject a controllable clock and sweep periods. */
  static forEnv(env: RoostEnv, routing: RoutingModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service: 'routing', logLevel: env.logLevel }),
        DatabaseModule.forRoot({ service: 'routing', migrations: ROUTING_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'routing' }),
        RoutingModule.forRoot(routing),
      ],
    };
  }
}
