import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { DataModule } from '../data/data.module';
import { StateModule } from '../state/state.module';
import { AgentAccess } from './agent-access';
import { AgentLogin } from './agent-login';
import { AgentManagement } from './agent-management';
import { AgentSchedules } from './agent-schedules';

/** Agents: sign-in, management (admins and supervisors), access lifecycle, shifts. */
@Module({
  imports: [DataModule, StateModule, AccessModule],
  providers: [AgentLogin, AgentManagement, AgentAccess, AgentSchedules],
  exports: [AgentLogin, AgentManagement, AgentAccess, AgentSchedules],
})
export class AgentsModule {}
