import { Module, type DynamicModule } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { StateModule } from '../state/state.module';
import {
  ROUTING_SWEEP_OPTIONS,
  RoutingSweepService,
  type RoutingSweepOptions,
} from './routing-sweep.service';

/** SLA timers and the periodic sweep (shift starts, queues opening), and the assigned-event outbox relay. */
@Module({})
export class SlaModule {
  static forRoot(sweep: Partial<RoutingSweepOptions> = {}): DynamicModule {
    return {
      module: SlaModule,
      imports: [DataModule, StateModule],
      providers: [
        { provide: ROUTING_SWEEP_OPTIONS, useValue: { sweepMs: 15_000, outboxMs: 5_000, ...sweep } },
        RoutingSweepService,
      ],
      exports: [RoutingSweepService],
    };
  }
}
