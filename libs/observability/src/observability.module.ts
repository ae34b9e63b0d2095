import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness.registry';

export interface ObservabilityOptions {
  service: string;
  logLevel: string;
}

/** Fields never written to logs, at any depth we know of. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.token',
  '*.jwt',
  '*.bearerToken',
  'authorization',
];

/**
 * pino JSON logs with the service name on every line, /health/live, /health/ready and Prometheus
 * /metrics (default process metrics plus whatever the service registers on the shared Registry).
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(opts: ObservabilityOptions): DynamicModule {
    const registry = new Registry();
    registry.setDefaultLabels({ service: opts.service });
    collectDefaultMetrics({ register: registry });

    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: opts.logLevel,
            base: { service: opts.service, pid: process.pid },
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            quietReqLogger: true,
          },
        }),
      ],
      controllers: [HealthController],
      providers: [ReadinessRegistry, { provide: Registry, useValue: registry }],
      exports: [ReadinessRegistry, Registry],
    };
  }
}
