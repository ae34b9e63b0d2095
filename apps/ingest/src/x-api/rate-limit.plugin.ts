import type {
  ITwitterApiAfterRequestHookArgs,
  ITwitterApiClientPlugin,
  ITwitterApiResponseErrorHookArgs,
} from 'twitter-api-v2';
import { endpointKey, type XRateLimiter } from './x-rate-limiter';

/** Feeds every response's rate-limit headers (and 429/5xx) into the limiter. */
export class RateLimitPlugin implements ITwitterApiClientPlugin {
  constructor(
    private readonly limiter: XRateLimiter,
    /** A label for the token (never the token itself: it ends up in metrics and logs). */
    private readonly tokenLabel: string,
    private readonly onCall?: (endpoint: string, status: number) => void,
  ) {}

  onAfterRequest(args: ITwitterApiAfterRequestHookArgs): void {
    const endpoint = endpointKey(args.params.method, args.url.pathname);
    this.limiter.observe({ endpoint, token: this.tokenLabel, headers: args.response.headers, status: 200 });
    this.onCall?.(endpoint, 200);
  }

  onResponseError(args: ITwitterApiResponseErrorHookArgs): void {
    const endpoint = endpointKey(args.params.method, args.url.pathname);
    this.limiter.observe({
      endpoint,
      token: this.tokenLabel,
      headers: args.error.headers,
      status: args.error.code,
    });
    this.onCall?.(endpoint, args.error.code);
  }
}
