import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Public } from '../common/auth/public.decorator';
import { Meta, type RequestMeta } from '../common/auth/request-meta.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { AgentGql } from './models/agent.model';
import { AuthPayloadGql } from './models/auth-payload.model';

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

  @Query(() => AgentGql)
  me(@CurrentAgent() agent: AgentContext): Promise<AgentGql> {
    return this.auth.me(agent);
  }
}
