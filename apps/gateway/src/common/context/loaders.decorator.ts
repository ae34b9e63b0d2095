import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GatewayContext } from './gateway-context';
import type { RequestLoaders } from '../loaders/request-loaders';

/** The operation's DataLoaders (a custom decorator, so pipes leave the value alone). */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestLoaders =>
    GqlExecutionContext.create(context).getContext<GatewayContext>().loaders,
);
