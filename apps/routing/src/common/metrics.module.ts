import { Global, Module } from '@nestjs/common';
import { RoutingMetrics } from './routing.metrics';

/** The service's metrics (RoutingMetrics, on the observability Registry) for every module. */
@Global()
@Module({ providers: [RoutingMetrics], exports: [RoutingMetrics] })
export class RoutingMetricsModule {}
