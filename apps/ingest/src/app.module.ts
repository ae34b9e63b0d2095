import { Module, type DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import { readIngestSettings, type IngestSettings } from './config/ingest-settings';
import { INGEST_MIGRATIONS } from './migrations';
import { IngestModule } from './ingest.module';

@Module({})
export class AppModule {
  /** `settings` overrides (tests) go over the ones read from the environment. */
  static forEnv(env: RoostEnv, settings: Partial<IngestSettings> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service: 'ingest', logLevel: env.logLevel }),
        DatabaseModule.forRoot({ service: 'ingest', migrations: INGEST_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'ingest' }),
        IngestModule.forSettings({ ...readIngestSettings(), ...settings }),
      ],
    };
  }
}
