import type { DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import type { MigrationInterface } from 'typeorm';

/**
 * What every Roost service is built on, in start-up order: the validated environment, logs /
 * health / metrics, its own PostgreSQL schema (migrated at start) when it has one, and NATS.
 */
export function platformModules(opts: {
  env: RoostEnv;
  service: string;
  migrations?: Array<new () => MigrationInterface>;
  /** The service's tables are under row-level security per brand (DatabaseModule.forRoot). */
  brandIsolation?: boolean;
}): DynamicModule[] {
  return [
    RoostConfigModule.forRoot(opts.env),
    ObservabilityModule.forRoot({ service: opts.service, logLevel: opts.env.logLevel }),
    ...(opts.migrations
      ? [
          DatabaseModule.forRoot({
            service: opts.service,
            migrations: opts.migrations,
            brandIsolation: opts.brandIsolation,
          }),
        ]
      : []),
    MessagingModule.forRoot({ service: opts.service }),
  ];
}
