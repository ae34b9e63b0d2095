import { Global, Module } from '@nestjs/common';
import { MetricsAppMetrics } from './metrics.metrics';

/** The service's metrics (MetricsAppMetrics, on the observability Registry) for every module. */
@Global()
@Module({ providers: [MetricsAppMetrics], exports: [MetricsAppMetrics] })
export class MetricsAppMetricsModule {}
