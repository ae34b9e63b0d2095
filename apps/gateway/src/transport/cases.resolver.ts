import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { CaseFromTweetService } from '../conversations/case-from-tweet.service';
import { CaseFromTweetArgs } from '../conversations/dto/case-from-tweet.args';
import { CaseFromTweetGql } from '../conversations/models/case-from-tweet.model';

/** Cases opened by hand. */
@Resolver()
export class CasesResolver {
  constructor(private readonly service: CaseFromTweetService) {}

  @Roles('agent', 'supervisor', 'admin')
  @Mutation(() => CaseFromTweetGql, {
    description:
      'Turn a tweet no listening rule caught into a case (with the customer’s earlier tweets of its thread). A tweet already in Roost answers with its existing case. Agents and above (ingest checks the current role).',
  })
  createCaseFromTweet(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CaseFromTweetArgs,
  ): Promise<CaseFromTweetGql> {
    return this.service.create(agent, args.urlOrId);
  }
}
