import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { createXClient } from '@roost/x-client';
import type { TwitterApi } from 'twitter-api-v2';
import { IngestMetrics } from '../common/ingest.metrics';
import { RateLimitPlugin } from './rate-limit.plugin';
import { XRateLimiter } from './x-rate-limiter';

/** The label app-only calls are limited under (X keys app-only windows by app). */
export const APP_TOKEN = 'app';

/** The app-only X client ingest reads with (real X, or twitter-sim by base URL). */
@Injectable()
export class XAppClient {
  readonly api: TwitterApi;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    readonly limiter: XRateLimiter,
    metrics: IngestMetrics,
  ) {
    this.api = createXClient({
      baseUrl: env.x.baseUrl,
      bearerToken: env.x.bearerToken,
      plugins: [
        new RateLimitPlugin(limiter, APP_TOKEN, (endpoint, status) =>
          metrics.xCalls.inc({ endpoint, status: String(status) }),
        ),
      ],
    });
  }
}
