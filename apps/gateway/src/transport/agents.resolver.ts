import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgentGql } from '../auth/models/agent.model';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { AgentsService } from '../routing/agents.service';
import { AgentIdArgs, CreateAgentArgs, UpdateAgentArgs } from '../routing/dto/agents.args';
import { CreateAgentPayloadGql, ResetAgentPasswordPayloadGql } from '../routing/models/agents.models';

@Resolver()
export class AgentsResolver {
  constructor(private readonly service: AgentsService) {}

  @Query(() => [AgentGql], {
    description: 'Supervisors and admins: every agent of your brand, by name. Agents: themselves only.',
  })
  agents(@CurrentAgent() agent: AgentContext): Promise<AgentGql[]> {
    return this.service.list(agent);
  }

  @Roles('admin')
  @Mutation(() => CreateAgentPayloadGql, {
    description: 'Admins. The agent starts offline; the initial password is answered once.',
  })
  createAgent(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CreateAgentArgs,
  ): Promise<CreateAgentPayloadGql> {
    return this.service.create(agent, args.agent);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => AgentGql, {
    description:
      'Changes the given fields. Admins: any; supervisors: languages, queueIds, capacity, channelCapacity (FORBIDDEN `ADMIN_REQUIRED` otherwise).',
  })
  updateAgent(@CurrentAgent() agent: AgentContext, @Args() args: UpdateAgentArgs): Promise<AgentGql> {
    return this.service.update(agent, args.id, args.changes);
  }

  @Roles('admin')
  @Mutation(() => AgentGql, {
    description:
      'Admins, not on themselves (FORBIDDEN `OWN_ACCOUNT`). The agent can no longer sign in (same error as a wrong password), ' +
      'goes offline and out of routing; their assigned conversations go back to waiting; every token they hold is refused and their sockets close. Idempotent.',
  })
  deactivateAgent(@CurrentAgent() agent: AgentContext, @Args() args: AgentIdArgs): Promise<AgentGql> {
    return this.service.deactivate(agent, args.id);
  }

  @Roles('admin')
  @Mutation(() => AgentGql, {
    description:
      'Admins. The agent may sign in again (starting offline); tokens from before the deactivation stay refused. Idempotent.',
  })
  reactivateAgent(@CurrentAgent() agent: AgentContext, @Args() args: AgentIdArgs): Promise<AgentGql> {
    return this.service.reactivate(agent, args.id);
  }

  @Roles('admin')
  @Mutation(() => ResetAgentPasswordPayloadGql, {
    description:
      'Admins, not on themselves (use changePassword). A new one-time password, answered once; the agent’s tokens are revoked.',
  })
  resetAgentPassword(
    @CurrentAgent() agent: AgentContext,
    @Args() args: AgentIdArgs,
  ): Promise<ResetAgentPasswordPayloadGql> {
    return this.service.resetPassword(agent, args.id);
  }
}
