import type { ITwitterApiBeforeRequestConfigHookArgs, ITwitterApiClientPlugin } from 'twitter-api-v2';
import { X_API_HOSTS } from './x-client.constants';

/**
 * Sends every request that twitter-api-v2 addresses to api.x.com to another origin instead.
 *
 * Why the config hooks: they run before the library builds its URL object, signs the request
 * and picks the rate-limit key, and `onBeforeStreamRequestConfig` is the only hook that sees
 * stream requests (`v2.searchStream`). Rewriting `params.url` there covers `send()` and
 * `sendStream()` alike, and a TweetStream keeps the rewritten URL for its reconnects.
 */
export class BaseUrlPlugin implements ITwitterApiClientPlugin {
  private readonly target: URL;

  constructor(baseUrl: string) {
    this.target = new URL(baseUrl);
  }

  onBeforeRequestConfig(args: ITwitterApiBeforeRequestConfigHookArgs): void {
    args.params.url = this.rewrite(args.params.url);
  }

  onBeforeStreamRequestConfig(args: ITwitterApiBeforeRequestConfigHookArgs): void {
    args.params.url = this.rewrite(args.params.url);
  }

  /** Rewrites protocol, host and port; keeps path (under the base URL's own path) and query. */
  rewrite(rawUrl: string): string {
    const url = new URL(rawUrl.startsWith('http') ? rawUrl : `https://${rawUrl}`);
    if (!X_API_HOSTS.includes(url.hostname)) {
      return rawUrl;
    }
    const basePath = this.target.pathname.replace(/\/+$/, '');

    return `${this.target.origin}${basePath}${url.pathname}${url.search}`;
  }
}
