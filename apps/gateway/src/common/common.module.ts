import { Global, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { BrandScope } from './access/brand-scope.service';
import { AgentAuthGuard } from './auth/agent-auth.guard';
import { GatewayErrorFormatter } from './errors/gateway-error.formatter';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter';
import { validationError } from './errors/validation-errors';
import { GraphqlLimits } from './limits/graphql-limits';
import { RateLimitService } from './limits/rate-limit.service';
import { UploadSlots } from './limits/upload-slots';

/**
 * Cross-cutting pieces registered once: the auth guard, the error filter and the argument
 * validation pipe apply to every resolver; limits and the error formatter serve both transports.
 */
@Global()
@Module({
  providers: [
    GraphqlLimits,
    RateLimitService,
    UploadSlots,
    GatewayErrorFormatter,
    BrandScope,
    { provide: APP_GUARD, useClass: AgentAuthGuard },
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    // GraphQL already refuses undeclared arguments; the pipe adds class-validator's constraints,
    // refused with the field at fault (`details.field`, `details.fields`), not only sentences.
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ transform: true, exceptionFactory: validationError }),
    },
  ],
  exports: [GraphqlLimits, RateLimitService, UploadSlots, GatewayErrorFormatter, BrandScope],
})
export class CommonModule {}
