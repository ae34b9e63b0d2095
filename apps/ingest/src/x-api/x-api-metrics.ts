import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** X API call counts by endpoint and status, API errors, and polls skipped for rate limits. */
@Injectable()
export class XApiMetrics {
  private readonly calls: Counter<'endpoint' | 'status'>;
  private readonly errors: Counter<'endpoint' | 'status'>;
  private readonly waits: Counter<'endpoint'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.calls = new Counter({
      name: 'roost_ingest_x_calls_total',
      help: 'X API requests, by endpoint and HTTP status',
      labelNames: ['endpoint', 'status'],
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'roost_ingest_api_errors_total',
      help: 'X API errors, by endpoint (source) and status',
      labelNames: ['endpoint', 'status'],
      registers: [registry],
    });
    this.waits = new Counter({
      name: 'roost_ingest_rate_limit_waits_total',
      help: 'Polls skipped while waiting for x-rate-limit-reset',
      labelNames: ['endpoint'],
      registers: [registry],
    });
  }

  call(endpoint: string, status: number): void {
    this.calls.inc({ endpoint, status: String(status) });
  }

  error(endpoint: string, status: string): void {
    this.errors.inc({ endpoint, status });
  }

  waited(endpoint: string): void {
    this.waits.inc({ endpoint });
  }
}
