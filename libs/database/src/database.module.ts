import {
  Global,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ReadinessRegistry } from '@roost/observability';
import { DataSource, type MigrationInterface } from 'typeorm';
import { createServiceDataSource, initialize, migrate } from './data-source';
import { openServiceDatabase } from './service-database';

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
   * migrations run as the owner (DATABASE_URL) on a short-lived connection, the service's pool
   * then logs in as `APP_ROLE` (DATABASE_APP_URL), which sees only the rows of the brand each
   * transaction declares (openServiceDatabase).
   */
  static forRoot(opts: {
    service: string;
    migrations: Array<new () => MigrationInterface>;
    poolSize?: number;
    brandIsolation?: boolean;
  }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [ROOST_ENV, ReadinessRegistry],
          useFactory: async (env: RoostEnv, readiness: ReadinessRegistry) => {
            const log = new Logger('Database');
            let ds: DataSource;
            if (opts.brandIsolation) {
              ds = await openServiceDatabase({
                env,
                service: opts.service,
                migrations: opts.migrations,
                poolSize: opts.poolSize,
                log,
              });
            } else {
              // A schema without brand tables: one owner pool, migrated in place.
              ds = await initialize(
                createServiceDataSource({
                  url: env.databaseUrl,
                  schema: `${env.schemaPrefix}${opts.service}`,
                  migrations: opts.migrations,
                  poolSize: opts.poolSize,
                  applicationName: `roost-${opts.service}`,
                }),
              );
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
