import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Public } from '../common/auth/public.decorator';
import { Meta, type RequestMeta } from '../common/auth/request-meta.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordArgs } from '../auth/dto/change-password.args';
import { LoginArgs } from '../auth/dto/login.args';
import { AgentGql } from '../auth/models/agent.model';
import { AuthPayloadGql } from '../auth/models/auth-payload.model';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadGql, {
    description: 'The only operation that needs no token. Rate-limited per e-mail and IP.',
  })
  login(@Args() args: LoginArgs, @Meta() meta: RequestMeta): Promise<AuthPayloadGql> {
    return this.auth.login({ email: args.email, password: args.password, clientIp: meta.clientIp });
  }

  @Mutation(() => AuthPayloadGql, {
    description:
      'Signed-in agents (any role; API keys: FORBIDDEN). Revokes every token issued before the change, on HTTP and sockets, ' +
      'including the one used here: continue with the token answered. Wrong current password: BAD_USER_INPUT ' +
      '`WRONG_PASSWORD` (field currentPassword); new one not 12..200 characters or unchanged: `PASSWORD_LENGTH` / `PASSWORD_UNCHANGED`.',
  })
  changePassword(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ChangePasswordArgs,
  ): Promise<AuthPayloadGql> {
    return this.auth.changePassword(agent, {
      currentPassword: args.currentPassword,
      newPassword: args.newPassword,
    });
  }

  @Query(() => AgentGql)
  me(@CurrentAgent() agent: AgentContext): Promise<AgentGql> {
    return this.auth.me(agent);
  }
}
