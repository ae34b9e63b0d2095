import { Global, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { BrandScope } from './access/brand-scope.service';
import { AgentAuthGuard } from './auth/agent-auth.guard';
import { GatewayErrorFormatter } from './errors/gateway-error.formatter';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter';
import { GraphqlLimits } from './limits/graphql-limits';

/**
 * Cross-cutting pieces registered once: the auth guard, the error filter and the argument
 * validation pipe apply to every resolver; limits and the error formatter serve both transports.
 */
@Global()
@Module({
  providers: [
    GraphqlLimits,
    GatewayErrorFormatter,
    BrandScope,
    { provide: APP_GUARD, useClass: AgentAuthGuard },
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    // GraphQL already refuses undeclared arguments; the pipe adds class-validator's constraints.
    { provide: APP_PIPE, useValue: new ValidationPipe({ transform: true }) },
  ],
  exports: [GraphqlLimits, GatewayErrorFormatter, BrandScope],
})
export class CommonModule {}
