import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { DataModule } from '../data/data.module';
import { StateModule } from '../state/state.module';
import { AssignmentService } from './assignment.service';
import { RoutingService } from './routing.service';

/** Routing decisions: mentions and status changes (RoutingService) and manual actions (AssignmentService). */
@Module({
  imports: [DataModule, StateModule, AccessModule],
  providers: [RoutingService, AssignmentService],
  exports: [RoutingService, AssignmentService],
})
export class AssignmentModule {}
