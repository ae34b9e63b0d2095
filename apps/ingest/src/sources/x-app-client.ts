import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { createXClient } from '@roost/x-client';
import type { TwitterApi } from 'twitter-api-v2';

/** The app-only X client ingest reads with (real X, or twitter-sim by base URL). */
@Injectable()
export class XAppClient {
  readonly api: TwitterApi;

  constructor(@Inject(ROOST_ENV) env: RoostEnv) {
    this.api = createXClient({ baseUrl: env.x.baseUrl, bearerToken: env.x.bearerToken });
  }
}
