import { Module } from '@nestjs/common';
import { XAppClient } from './x-app-client';
import { XRateLimiter } from './x-rate-limiter';
import { XUserClients } from './x-user-clients';

/** The X API clients (app and per brand account), sharing one rate limiter (calls: IngestMetrics.xCalls). */
@Module({
  providers: [{ provide: XRateLimiter, useValue: new XRateLimiter() }, XAppClient, XUserClients],
  exports: [XAppClient, XUserClients],
})
export class XApiModule {}
