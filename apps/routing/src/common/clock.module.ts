import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock';

/** The one clock every feature reads (tests pass a ManualClock). */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
