import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { correlationLogFields } from './correlation';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness.registry';

export interface ObservabilityOptions {
  service: string;
  logLevel: string;
}

/** Credential headers, in requests and responses (pino-http logs `req.headers` and `res.headers`). */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie'];

/**
 * Body and log-object fields that hold a credential, whatever object carries them. Names match
 * exactly, so every credential field of the RPC contracts (libs/contracts/src/rpc) is listed:
 * `password`, `newPassword`, `currentPassword`, `initialPassword`, `secret` and ApiKeyRpc.Verify's `key`.
 */
const CREDENTIAL_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'initialPassword',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'key',
  'secret',
  'jwt',
  'bearerToken',
  'authorization',
];

/**
 * Depths a credential field is redacted at: fast-redact has no "any depth" wildcard, and logged
 * objects here are shallow (`{ err }`, `{ req: { headers } }`, `{ input: { password } }`).
 */
const FIELD_DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

/** Paths never written to logs; the value is replaced with `[redacted]`. */
export const REDACTED_PATHS: readonly string[] = [
  ...CREDENTIAL_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `res.headers["${h}"]`, `headers["${h}"]`]),
  ...CREDENTIAL_FIELDS.flatMap((f) => FIELD_DEPTHS.map((d) => `${d}${f}`)),
];

/** pino-http's options for a service, shared by the module and its redaction test. */
export function pinoHttpOptions(opts: ObservabilityOptions): Options {
  return {
    level: opts.logLevel,
    base: { service: opts.service, pid: process.pid },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
    quietReqLogger: true,
    // The correlation id(s) of the work in hand on every line (correlation.ts).
    mixin: correlationLogFields,
  };
}

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
          pinoHttp: pinoHttpOptions(opts),
        }),
      ],
      controllers: [HealthController],
      providers: [ReadinessRegistry, { provide: Registry, useValue: registry }],
      exports: [ReadinessRegistry, Registry],
    };
  }
}
