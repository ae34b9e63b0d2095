import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { CustomersService } from '../conversations/customers.service';
import {
  CannedRepliesArgs,
  CustomerArgs,
  SaveCannedArgs,
  SetGuidelinesArgs,
  UpdateCustomerArgs,
} from '../conversations/dto/customer.args';
import {
  BrandGuidelinesGql,
  CannedReplyGql,
  CustomerProfileGql,
} from '../conversations/models/customer-profile.model';

@Resolver()
export class CustomersResolver {
  constructor(private readonly service: CustomersService) {}

  @Query(() => CustomerProfileGql, {
    nullable: true,
    description: 'Null when no such customer in your brand.',
  })
  customer(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CustomerArgs,
  ): Promise<CustomerProfileGql | null> {
    return this.service.get(agent, args.id);
  }

  @Mutation(() => CustomerProfileGql, {
    description: 'VIP flag (supervisors and admins only), tags, and a shared note.',
  })
  updateCustomer(
    @CurrentAgent() agent: AgentContext,
    @Args() args: UpdateCustomerArgs,
  ): Promise<CustomerProfileGql> {
    return this.service.update(agent, args);
  }

  @Query(() => [CannedReplyGql])
  cannedReplies(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CannedRepliesArgs,
  ): Promise<CannedReplyGql[]> {
    return this.service.canned(agent, args.language);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => CannedReplyGql)
  saveCannedReply(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SaveCannedArgs,
  ): Promise<CannedReplyGql> {
    return this.service.saveCanned(agent, args);
  }

  @Query(() => BrandGuidelinesGql)
  brandGuidelines(@CurrentAgent() agent: AgentContext): Promise<BrandGuidelinesGql> {
    return this.service.guidelines(agent);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => BrandGuidelinesGql, { description: 'Replaces banned phrases and queue hours as a whole.' })
  setBrandGuidelines(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SetGuidelinesArgs,
  ): Promise<BrandGuidelinesGql> {
    return this.service.setGuidelines(agent, args);
  }
}
