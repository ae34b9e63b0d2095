import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GatewayContext } from '../context/gateway-context';

/** Transport facts a resolver may need, the same on HTTP and graphql-ws. */
export interface RequestMeta {
  readonly clientIp: string;
  /** From the `Idempotency-Key` header (HTTP) or `extensions.idempotencyKey` (graphql-ws). */
  readonly idempotencyKey: string | undefined;
}

/** A custom decorator, so the global ValidationPipe leaves the value alone. */
export const Meta = createParamDecorator((_data: unknown, context: ExecutionContext): RequestMeta => {
  const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();

  return { clientIp: ctx.clientIp, idempotencyKey: ctx.idempotencyKey };
});
