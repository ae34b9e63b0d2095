import { Global, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { DataSource, type MigrationInterface } from 'typeorm';
import { APP_ROLE } from './brand-isolation';
import { createServiceDataSource, initialize, migrate } from './data-source';

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** The service's own schema: connected, migrated (under a lock) and checked for readiness. */
@Global()
@Module({})
export class DatabaseModule {
  /**
   * `brandIsolation`: the service's tables are under row-level security (see brand-isolation.ts):
   * migrations run as the connecting owner on a short-lived connection, the service then
   * connects as `APP_ROLE`, which sees only the rows of the brand each transaction declares.
   */
  static forRoot(opts: { service: string; migrations: Array<new () => MigrationInterface>; poolSize?: number; brandIsolation?: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [ROOST_ENV, ReadinessRegistry],
          useFactory: async (env: RoostEnv, readiness: ReadinessRegistry) => {
            const log = new Logger('Database');
            const base = {
              url: env.databaseUrl,
              schema: `${env.schemaPrefix}${opts.service}`,
              migrations: opts.migrations,
              poolSize: opts.poolSize,
              applicationName: `roost-${opts.service}`,
            };
            let ds: DataSource;
            if (opts.brandIsolation) {
              // Two connections: one holds the migration lock, the other runs the migrations.
              const owner = await initialize(createServiceDataSource({ ...base, poolSize: 2, applicationName: `roost-${opts.service}-migrate` }));
              try {
                const applied = await migrate(owner);
                if (applied.length > 0) log.log({ applied }, 'migrations applied');
              } finally {
                await owner.destroy();
              }
              ds = await initialize(createServiceDataSource({ ...base, role: APP_ROLE }));
            } else {
              ds = await initialize(createServiceDataSource(base));
              const applied = await migrate(ds);
              if (applied.length > 0) log.log({ applied }, 'migrations applied');
            }
            readiness.register('database', async () => {
              await ds.query('SELECT 1');

              return true;
            });

            return ds;
          },
        },
        DataSourceLifecycle,
      ],
      exports: [DataSource],
    };
  }
}
