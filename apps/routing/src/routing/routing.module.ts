import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { OUTBOX_PROVIDER } from '@roost/messaging';
import { DataSource } from 'typeorm';
import { seedDemo } from '../seed/demo-seed';
import { AdminRepository } from './admin.repository';
import { AssignmentRequests } from './assignment.requests';
import { BrandWriter } from './brand-writer';
import { Clock, SystemClock } from './clock';
import { ManagementRequests } from './management.requests';
import { MentionReceivedConsumer } from './mention-received.consumer';
import { RoutingRepository } from './routing.repository';
import { RoutingRequests } from './routing.requests';
import { RoutingService } from './routing.service';
import { ROUTING_SWEEP_OPTIONS, RoutingSweepService, type RoutingSweepOptions } from './routing-sweep.service';
import { StatusChangedConsumer } from './status-changed.consumer';

export interface RoutingModuleOptions {
  clock?: Clock;
  sweep?: Partial<RoutingSweepOptions>;
}

@Module({})
export class RoutingModule implements OnModuleInit {
  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly ds: DataSource,
  ) {}

  static forRoot(opts: RoutingModuleOptions = {}): DynamicModule {
    return {
      module: RoutingModule,
      providers: [
        { provide: Clock, useValue: opts.clock ?? new SystemClock() },
        { provide: ROUTING_SWEEP_OPTIONS, useValue: { sweepMs: 15_000, outboxMs: 5_000, ...opts.sweep } },
        OUTBOX_PROVIDER,
        RoutingRepository,
        AdminRepository,
        BrandWriter,
        RoutingService,
        RoutingSweepService,
        MentionReceivedConsumer,
        StatusChangedConsumer,
        RoutingRequests,
        AssignmentRequests,
        ManagementRequests,
      ],
      exports: [RoutingService, BrandWriter, RoutingSweepService],
    };
  }

  /** Before consumers start (onApplicationBootstrap): the demo brand exists when its first mention arrives. */
  async onModuleInit(): Promise<void> {
    if (this.env.demoSeed) await seedDemo(this.ds);
  }
}
