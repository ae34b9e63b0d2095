import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** The service's clock for every module: the system's, or the one a test moves by hand. */
@Global()
@Module({})
export class ClockModule {
  static forClock(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
