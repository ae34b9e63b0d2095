import { Module } from '@nestjs/common';
import { XApiMetrics } from './x-api-metrics';
import { XAppClient } from './x-app-client';
import { XRateLimiter } from './x-rate-limiter';
import { XUserClients } from './x-user-clients';

/** The X API clients (app and per brand account), sharing one rate limiter and one set of call metrics. */
@Module({
  providers: [{ provide: XRateLimiter, useValue: new XRateLimiter() }, XApiMetrics, XAppClient, XUserClients],
  exports: [XApiMetrics, XAppClient, XUserClients],
})
export class XApiModule {}
