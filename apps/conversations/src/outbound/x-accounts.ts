import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, xUserToken, type RoostEnv } from '@roost/config';
import { createXClient } from '@roost/x-client';
import type { TwitterApi } from 'twitter-api-v2';

/** One user-context X client per brand handle, built once (keep-alive connections). */
@Injectable()
export class XAccounts {
  private readonly clients = new Map<string, TwitterApi>();

  constructor(@Inject(ROOST_ENV) private readonly env: RoostEnv) {}

  clientFor(handle: string): TwitterApi {
    let client = this.clients.get(handle);
    if (!client) {
      client = createXClient({ baseUrl: this.env.x.baseUrl, bearerToken: xUserToken(this.env, handle) });
      this.clients.set(handle, client);
    }

    return client;
  }
}
