import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv, xUserToken } from '@roost/config';
import { createXClient } from '@roost/x-client';
import type { TwitterApi } from 'twitter-api-v2';
import { IngestMetrics } from '../common/ingest.metrics';
import { RateLimitPlugin } from './rate-limit.plugin';
import { XRateLimiter } from './x-rate-limiter';

/** User-context clients, one per brand handle (DM events need the account's own token). */
@Injectable()
export class XUserClients {
  private readonly clients = new Map<string, TwitterApi>();

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    readonly limiter: XRateLimiter,
    private readonly metrics: IngestMetrics,
  ) {}

  /** The limiter's token label for a handle's user context. */
  static tokenLabel(handle: string): string {
    return `user:${handle.toLowerCase()}`;
  }

  forHandle(handle: string): TwitterApi {
    const key = handle.toLowerCase();
    let client = this.clients.get(key);
    if (!client) {
      client = createXClient({
        baseUrl: this.env.x.baseUrl,
        bearerToken: xUserToken(this.env, handle),
        plugins: [
          new RateLimitPlugin(this.limiter, XUserClients.tokenLabel(handle), (e, s) =>
            this.metrics.xCalls.inc({ endpoint: e, status: String(s) }),
          ),
        ],
      });
      this.clients.set(key, client);
    }

    return client;
  }
}
