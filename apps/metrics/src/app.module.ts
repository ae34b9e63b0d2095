import { Module, type DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import { readMetricsEnv, type MetricsEnv } from './metrics-env';
import { MetricsEnvModule } from './metrics-env.module';
import { METRICS_MIGRATIONS } from './migrations';
import { ReportsModule } from './reports/reports.module';
import { RollupsModule } from './rollups/rollups.module';

@Module({})
export class AppModule {
  static forEnv(env: RoostEnv, metrics: MetricsEnv = readMetricsEnv()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service: 'metrics', logLevel: env.logLevel }),
        DatabaseModule.forRoot({ service: 'metrics', migrations: METRICS_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'metrics' }),
        MetricsEnvModule.forRoot(metrics),
        RollupsModule,
        ReportsModule,
      ],
    };
  }
}
