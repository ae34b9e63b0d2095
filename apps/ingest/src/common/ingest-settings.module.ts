import { Global, Module, type DynamicModule } from '@nestjs/common';
import { INGEST_SETTINGS, type IngestSettings } from './ingest-settings';

/** Provides the ingest service's own validated settings (INGEST_SETTINGS) to every module. */
@Global()
@Module({})
export class IngestSettingsModule {
  static forRoot(settings: IngestSettings): DynamicModule {
    return {
      module: IngestSettingsModule,
      providers: [{ provide: INGEST_SETTINGS, useValue: settings }],
      exports: [INGEST_SETTINGS],
    };
  }
}
