import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { readMetricsEnv, type MetricsEnv } from './metrics-env';
import { MetricsEnvModule } from './metrics-env.module';
import { METRICS_MIGRATIONS } from './migrations';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  static forEnv(env: RoostEnv, metrics: MetricsEnv = readMetricsEnv()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Brand isolation in the database too: the service connects as the app role under row-level security.
        ...platformModules({ env, service: 'metrics', migrations: METRICS_MIGRATIONS, brandIsolation: true }),
        MetricsEnvModule.forRoot(metrics),
        ReportsModule,
      ],
    };
  }
}
