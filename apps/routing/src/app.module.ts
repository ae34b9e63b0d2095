import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { ApiKeysModule } from './auth/api-keys.module';
import { ROUTING_MIGRATIONS } from './migrations';
import { RoutingModule, type RoutingModuleOptions } from './routing/routing.module';

@Module({})
export class AppModule {
  /** `routing` lets tests inject a controllable clock and sweep periods. */
  static forEnv(env: RoostEnv, routing: RoutingModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...platformModules({ env, service: 'routing', migrations: ROUTING_MIGRATIONS, brandIsolation: true }),
        RoutingModule.forRoot(routing),
        ApiKeysModule,
      ],
    };
  }
}
