import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { ConversationArgs } from '../conversations/dto/conversation.args';
import {
  AgentShiftsArgs,
  AssignArgs,
  SetAgentShiftsArgs,
  SetAgentStatusArgs,
  TransferArgs,
} from '../routing/dto/routing.args';
import { AgentScheduleGql, AgentStatusChangeGql, AssignmentGql } from '../routing/models/routing.models';
import { RoutingService } from '../routing/routing.service';

@Resolver()
export class RoutingResolver {
  constructor(private readonly service: RoutingService) {}

  @Mutation(() => AssignmentGql, {
    description: 'Agents may take a conversation they see; supervisors assign anyone of the brand.',
  })
  assignConversation(@CurrentAgent() agent: AgentContext, @Args() args: AssignArgs): Promise<AssignmentGql> {
    return this.service.assign(agent, args);
  }

  @Mutation(() => AssignmentGql, { description: 'To another agent and/or queue of your brand.' })
  transferConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: TransferArgs,
  ): Promise<AssignmentGql> {
    return this.service.transfer(agent, args);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => AssignmentGql, {
    description:
      'Assign the conversation to yourself to answer it (the way into a hard-locked queue); audited. Routing checks your current role.',
  })
  takeOverConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationArgs,
  ): Promise<AssignmentGql> {
    return this.service.takeOver(agent, args.id);
  }

  @Mutation(() => AssignmentGql, {
    description: 'Back to the waiting list. Agents: their own conversations only.',
  })
  unassignConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationArgs,
  ): Promise<AssignmentGql> {
    return this.service.unassign(agent, args.id);
  }

  @Mutation(() => AgentStatusChangeGql)
  setAgentStatus(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SetAgentStatusArgs,
  ): Promise<AgentStatusChangeGql> {
    return this.service.setStatus(agent, args.agentId, args.status);
  }

  @Query(() => AgentScheduleGql, {
    description: 'Shifts in the agent’s own timezone. Agents: their own only.',
  })
  agentShifts(@CurrentAgent() agent: AgentContext, @Args() args: AgentShiftsArgs): Promise<AgentScheduleGql> {
    return this.service.shifts(agent, args.agentId);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => AgentScheduleGql)
  setAgentShifts(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SetAgentShiftsArgs,
  ): Promise<AgentScheduleGql> {
    return this.service.setShifts(agent, args);
  }
}
