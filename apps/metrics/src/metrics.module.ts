import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { MetricsAppMetricsModule } from './common/metrics.module';
import { METRICS_MIGRATIONS } from './migrations';
import { TransportModule } from './transport/transport.module';

/** The metrics service: conversation facts, the reports over them, staffing advice and the expected-wait publisher. */
@Module({})
export class MetricsModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: MetricsModule,
      imports: [
        // Brand isolation in the database too: the service connects as the app role under row-level security.
        ...platformModules({ env, service: 'metrics', migrations: METRICS_MIGRATIONS, brandIsolation: true }),
        MetricsAppMetricsModule,
        TransportModule,
      ],
    };
  }
}
