import { Agent as HttpAgent } from 'node:http';
import type { Agent } from 'node:http';
import { TwitterApi } from 'twitter-api-v2';
import type { ITwitterApiClientPlugin } from 'twitter-api-v2';
import { BaseUrlPlugin } from './base-url.plugin';
import { installFastStreamParser } from './stream-parser.patch';

installFastStreamParser();

export interface CreateXClientOptions {
  /** e.g. `http://127.0.0.1:4100` for twitter-sim; omit to talk to the real api.x.com. */
  baseUrl?: string;
  /** App-only bearer token or an OAuth 2.0 user-context access token. */
  bearerToken: string;
  /** Extra twitter-api-v2 plugins (rate-limit, retry…), applied after the base-URL rewrite. */
  plugins?: ITwitterApiClientPlugin[];
}

/**
 * The one way Roost builds an X client: the same code path for X and for twitter-sim, only the
 * base URL differs.
 *
 * twitter-api-v2 sends everything through `https.request`. Node accepts an `http:` URL there
 * only when the agent speaks http (ClientRequest checks the protocol against the agent's), so a
 * plain-http base URL gets an http Agent; https base URLs keep the library's default agent.
 */
export function createXClient(opts: CreateXClientOptions): TwitterApi {
  const plugins: ITwitterApiClientPlugin[] = [];
  let httpAgent: Agent | undefined;
  if (opts.baseUrl) {
    plugins.push(new BaseUrlPlugin(opts.baseUrl));
    if (new URL(opts.baseUrl).protocol === 'http:') {
      httpAgent = new HttpAgent({ keepAlive: true });
    }
  }
  plugins.push(...(opts.plugins ?? []));

  return new TwitterApi(opts.bearerToken, {
    plugins,
    ...(httpAgent ? { httpAgent } : {}),
  });
}
