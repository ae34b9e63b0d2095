import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { DataSource } from 'typeorm';
import { ClockModule, type Clock } from '@roost/platform';
import { RoutingMetricsModule } from './common/metrics.module';
import { seedDemo } from './data/demo-seed';
import { ROUTING_MIGRATIONS } from './migrations';
import type { RoutingSweepOptions } from './sla/routing-sweep.service';
import { SlaModule } from './sla/sla.module';
import { TransportModule } from './transport/transport.module';

/** What tests may change: the clock, and the sweep periods (0 disables a timer). */
export interface RoutingModuleOptions {
  clock?: Clock;
  sweep?: Partial<RoutingSweepOptions>;
}

@Module({})
export class RoutingAppModule implements OnModuleInit {
  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly ds: DataSource,
  ) {}

  static forEnv(env: RoostEnv, routing: RoutingModuleOptions = {}): DynamicModule {
    return {
      module: RoutingAppModule,
      imports: [
        ...platformModules({ env, service: 'routing', migrations: ROUTING_MIGRATIONS, brandIsolation: true }),
        ClockModule.forClock(routing.clock),
        RoutingMetricsModule,
        SlaModule.forRoot(routing.sweep),
        TransportModule,
      ],
    };
  }

  /** Before consumers start (onApplicationBootstrap): the demo brand exists when its first mention arrives. */
  async onModuleInit(): Promise<void> {
    if (this.env.demoSeed) await seedDemo(this.ds);
  }
}
