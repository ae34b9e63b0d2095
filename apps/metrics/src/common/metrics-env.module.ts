import { Global, Module, type DynamicModule } from '@nestjs/common';
import { METRICS_ENV, type MetricsEnv } from './metrics-env';

/** Provides the metrics service's own validated variables (METRICS_ENV) to every module. */
@Global()
@Module({})
export class MetricsEnvModule {
  static forRoot(metrics: MetricsEnv): DynamicModule {
    return {
      module: MetricsEnvModule,
      providers: [{ provide: METRICS_ENV, useValue: metrics }],
      exports: [METRICS_ENV],
    };
  }
}
