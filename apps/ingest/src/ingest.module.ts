import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { IngestMetricsModule } from './common/metrics.module';
import { INGEST_MIGRATIONS } from './migrations';
import { SourcesModule } from './sources/sources.module';
import { TransportModule } from './transport/transport.module';

/** The ingest service: listening on X, mentions and DMs published to the bus, listening management. */
@Module({})
export class IngestModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        ...platformModules({ env, service: 'ingest', migrations: INGEST_MIGRATIONS, brandIsolation: true }),
        IngestMetricsModule,
        SourcesModule,
        TransportModule,
      ],
    };
  }
}
