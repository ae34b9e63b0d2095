import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CreateApiKeyArgs, RevokeApiKeyArgs } from '../api-keys/dto/api-key.args';
import { ApiKeyGql, CreatedApiKeyGql } from '../api-keys/models/api-key.model';

@Roles('admin')
@Resolver()
export class ApiKeysResolver {
  constructor(private readonly service: ApiKeysService) {}

  @Query(() => [ApiKeyGql], { description: 'Your brand’s API keys, revoked ones included. Admins only.' })
  apiKeys(@CurrentAgent() agent: AgentContext): Promise<ApiKeyGql[]> {
    return this.service.list(agent);
  }

  @Mutation(() => CreatedApiKeyGql, {
    description: 'A new key for your brand; its secret is in this answer only. Admins only.',
  })
  createApiKey(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CreateApiKeyArgs,
  ): Promise<CreatedApiKeyGql> {
    return this.service.create(agent, args);
  }

  @Mutation(() => ApiKeyGql, {
    description:
      'Stops the key: at once on this gateway instance, within API_KEY_CACHE_SECONDS on the others. Admins only.',
  })
  revokeApiKey(@CurrentAgent() agent: AgentContext, @Args() args: RevokeApiKeyArgs): Promise<ApiKeyGql> {
    return this.service.revoke(agent, args.id);
  }
}
