import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { readIngestSettings, type IngestSettings } from './common/ingest-settings';
import { IngestSettingsModule } from './common/ingest-settings.module';
import { IngestMetricsModule } from './common/metrics.module';
import { INGEST_MIGRATIONS } from './migrations';
import { SourcesModule } from './sources/sources.module';
import { TransportModule } from './transport/transport.module';

/** The ingest service: listening on X, mentions and DMs published to the bus, listening management. */
@Module({})
export class IngestModule {
  /** `settings` overrides (tests) go over the ones read from the environment. */
  static forEnv(env: RoostEnv, settings: Partial<IngestSettings> = {}): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        ...platformModules({ env, service: 'ingest', migrations: INGEST_MIGRATIONS, brandIsolation: true }),
        IngestSettingsModule.forRoot({ ...readIngestSettings(), ...settings }),
        IngestMetricsModule,
        SourcesModule,
        TransportModule,
      ],
    };
  }
}
