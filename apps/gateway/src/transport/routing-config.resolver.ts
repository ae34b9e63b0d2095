import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { ReplaceRoutingRulesArgs, UpsertQueueArgs } from '../routing/dto/routing-config.args';
import { QueueConfigGql, RoutingRuleGql } from '../routing/models/routing-config.models';
import { RoutingConfigService } from '../routing/routing-config.service';

@Roles('supervisor', 'admin')
@Resolver()
export class RoutingConfigResolver {
  constructor(private readonly service: RoutingConfigService) {}

  @Query(() => [QueueConfigGql], {
    description: 'Your brand’s queues with their routing settings. Supervisors and admins.',
  })
  queueConfigs(@CurrentAgent() agent: AgentContext): Promise<QueueConfigGql[]> {
    return this.service.queues(agent);
  }

  @Mutation(() => QueueConfigGql, {
    description: 'Creates a queue (no `id`) or changes the given fields of one. Supervisors and admins.',
  })
  upsertQueue(@CurrentAgent() agent: AgentContext, @Args() args: UpsertQueueArgs): Promise<QueueConfigGql> {
    return this.service.upsertQueue(agent, args.queue);
  }

  @Query(() => [RoutingRuleGql], {
    description: 'Your brand’s routing rules in order. Supervisors and admins.',
  })
  routingRules(@CurrentAgent() agent: AgentContext): Promise<RoutingRuleGql[]> {
    return this.service.rules(agent);
  }

  @Mutation(() => [RoutingRuleGql], {
    description: 'Replaces the whole ordered rule list at once. Supervisors and admins.',
  })
  replaceRoutingRules(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ReplaceRoutingRulesArgs,
  ): Promise<RoutingRuleGql[]> {
    return this.service.replaceRules(agent, args.rules, args.expectedRuleIds ?? undefined);
  }
}
