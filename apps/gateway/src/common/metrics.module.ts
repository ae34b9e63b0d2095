import { Global, Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway.metrics';

/** The service's metrics (GatewayMetrics, on the observability Registry) for every module. */
@Global()
@Module({ providers: [GatewayMetrics], exports: [GatewayMetrics] })
export class GatewayMetricsModule {}
