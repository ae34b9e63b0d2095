import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { DataSource } from 'typeorm';
import { seedDemo } from '../seed/demo-seed';
import { MentionReceivedConsumer } from './mention-received.consumer';
import { RoutingRepository } from './routing.repository';
import { RoutingRequests } from './routing.requests';
import { RoutingService } from './routing.service';

@Module({
  providers: [RoutingRepository, RoutingService, MentionReceivedConsumer, RoutingRequests],
  exports: [RoutingService],
})
export class RoutingModule implements OnModuleInit {
  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly ds: DataSource,
  ) {}

  /** Before consumers start (onApplicationBootstrap): the demo brand exists when its first mention arrives. */
  async onModuleInit(): Promise<void> {
    if (this.env.demoSeed) await seedDemo(this.ds);
  }
}
