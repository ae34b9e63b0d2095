import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { AutoPostsService } from '../conversations/auto-posts.service';
import { SetAutoPostSettingsArgs } from '../conversations/dto/auto-posts.args';
import { AutoPostSettingsGql } from '../conversations/models/auto-posts.model';

@Resolver()
export class AutoPostsResolver {
  constructor(private readonly service: AutoPostsService) {}

  @Roles('supervisor', 'admin')
  @Query(() => AutoPostSettingsGql, {
    description: 'Out-of-hours acknowledgement and expected-wait status tweets (supervisors and admins).',
  })
  autoPostSettings(@CurrentAgent() agent: AgentContext): Promise<AutoPostSettingsGql> {
    return this.service.get(agent);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => AutoPostSettingsGql, {
    description:
      'Replaces both settings as a whole. Templates too long for one post: BAD_USER_INPUT REPLY_TOO_LONG.',
  })
  setAutoPostSettings(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SetAutoPostSettingsArgs,
  ): Promise<AutoPostSettingsGql> {
    return this.service.set(agent, args);
  }
}
