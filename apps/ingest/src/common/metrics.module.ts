import { Global, Module } from '@nestjs/common';
import { IngestMetrics } from './ingest.metrics';

/** The service's metrics (IngestMetrics, on the observability Registry) for every module. */
@Global()
@Module({ providers: [IngestMetrics], exports: [IngestMetrics] })
export class IngestMetricsModule {}
