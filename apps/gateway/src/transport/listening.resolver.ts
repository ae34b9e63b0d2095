import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { AddBrandAccountArgs, AddListeningRuleArgs, RemoveByIdArgs } from '../listening/dto/listening.args';
import { ListeningService } from '../listening/listening.service';
import { BrandAccountGql, ListeningGql, ListeningRuleGql } from '../listening/models/listening.models';

/** What the brand listens to on X: supervisors and admins only (the whole resolver). */
@Roles('supervisor', 'admin')
@Resolver()
export class ListeningResolver {
  constructor(private readonly service: ListeningService) {}

  @Query(() => ListeningGql, { description: 'Listening rules and the brand’s X accounts.' })
  listening(@CurrentAgent() agent: AgentContext): Promise<ListeningGql> {
    return this.service.get(agent);
  }

  @Mutation(() => ListeningRuleGql, { description: 'Re-syncs the X stream rules before answering.' })
  addListeningRule(
    @CurrentAgent() agent: AgentContext,
    @Args() args: AddListeningRuleArgs,
  ): Promise<ListeningRuleGql> {
    return this.service.addRule(agent, args);
  }

  @Mutation(() => Boolean)
  removeListeningRule(@CurrentAgent() agent: AgentContext, @Args() args: RemoveByIdArgs): Promise<boolean> {
    return this.service.removeRule(agent, args.id);
  }

  @Mutation(() => BrandAccountGql)
  addBrandAccount(
    @CurrentAgent() agent: AgentContext,
    @Args() args: AddBrandAccountArgs,
  ): Promise<BrandAccountGql> {
    return this.service.addAccount(agent, args);
  }

  @Mutation(() => Boolean)
  removeBrandAccount(@CurrentAgent() agent: AgentContext, @Args() args: RemoveByIdArgs): Promise<boolean> {
    return this.service.removeAccount(agent, args.id);
  }
}
