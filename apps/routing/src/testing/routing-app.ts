import type { DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { RoutingAppModule, type RoutingModuleOptions } from '../routing.module';

/** The whole routing app, for tests and benches that start it (NestFactory.create(routingApp(env, …))). */
export function routingApp(env: RoostEnv, opts: RoutingModuleOptions = {}): DynamicModule {
  return RoutingAppModule.forEnv(env, opts);
}
