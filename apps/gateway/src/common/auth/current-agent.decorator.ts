import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@roost/contracts';
import type { AgentContext } from '../context/agent-context';
import type { GatewayContext } from '../context/gateway-context';

/** The authenticated caller of a guarded root field (the guard has already refused anonymous calls). */
export const CurrentAgent = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AgentContext => {
    const agent = GqlExecutionContext.create(context).getContext<GatewayContext>().agent;
    if (!agent) throw new DomainError(ErrorCode.Unauthenticated, 'authentication required');

    return agent;
  },
);
