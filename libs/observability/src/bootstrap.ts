import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CORRELATION_HTTP_HEADER, newCorrelationId, withCorrelation } from './correlation';

export interface BootstrapOptions {
  module: Type<unknown> | DynamicModule;
  port: number;
  host: string;
  /** Called on the created app before it listens (e.g. GraphQL, static files). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Standard start-up for every service: buffered logs until pino is ready, shutdown hooks so
 * SIGTERM drains consumers and connections, listen on the service port.
 */
export async function bootstrapService(opts: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Every request is handled under a correlation id: the caller's (X-Correlation-Id), else a new one,
  // echoed in the response; the logs of its handling and the requests and events it causes carry it.
  app.use(
    (
      req: { headers: Record<string, string | string[] | undefined> },
      res: { setHeader(n: string, v: string): void },
      next: () => void,
    ) => {
      const given = req.headers[CORRELATION_HTTP_HEADER];
      const id = typeof given === 'string' && /^[\w:.-]{1,128}$/.test(given) ? given : newCorrelationId();
      res.setHeader(CORRELATION_HTTP_HEADER, id);
      withCorrelation(id, next);
    },
  );
  await opts.configure?.(app);
  await app.listen(opts.port, opts.host);

  return app;
}

/** Exits with a readable error when start-up fails (missing database, NATS, bad config). */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', msg: 'start-up failed', err: (err as Error)?.message ?? String(err) })}\n`,
    );
    process.exit(1);
  });
}
