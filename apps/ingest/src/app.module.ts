import { Module, type DynamicModule } from '@nestjs/common';
import type { RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
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
        ...platformModules({ env, service: 'ingest', migrations: INGEST_MIGRATIONS, brandIsolation: true }),
        IngestModule.forSettings({ ...readIngestSettings(), ...settings }),
      ],
    };
  }
}
