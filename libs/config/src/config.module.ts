import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from './roost-env';

/** Makes the environment read once at boot injectable as ROOST_ENV. */
@Global()
@Module({})
export class RoostConfigModule {
  static forRoot(env: RoostEnv): DynamicModule {
    return {
      module: RoostConfigModule,
      providers: [{ provide: ROOST_ENV, useValue: env }],
      exports: [ROOST_ENV],
    };
  }
}
