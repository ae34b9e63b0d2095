import { Module, type DynamicModule } from '@nestjs/common';
import { RoostConfigModule, type RoostEnv } from '@roost/config';
import { DatabaseModule } from '@roost/database';
import { MessagingModule } from '@roost/messaging';
import { ObservabilityModule } from '@roost/observability';
import { INGEST_MIGRATIONS } from './migrations';
import { IngestModule } from './ingest.module';

@Module({})
export class AppModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service: 'ingest', logLevel: env.logLevel }),
        DatabaseModule.forRoot({ service: 'ingest', migrations: INGEST_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'ingest' }),
        IngestModule,
      ],
    };
  }
}
