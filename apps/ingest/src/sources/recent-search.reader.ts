import { Injectable } from '@nestjs/common';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { tweetsById } from '../pipeline/normalized-tweet';
import { XAppClient } from '../x-api/x-app-client';
import { mediaByKey, type MediaById } from '../pipeline/normalized-media';
import { TWEET_QUERY } from './tweet-fields';

export const SEARCH_ENDPOINT = 'GET /2/tweets/search/recent';

export interface SearchPage {
  tweets: TweetV2[];
  users: Map<string, UserV2>;
  /** `includes.tweets` by id (quoted and replied-to posts). */
  referenced: Map<string, TweetV2>;
  /** `includes.media` by key. */
  media: MediaById;
}

/** Largest X id of a list (ids are 64-bit: compare as BigInt, never as numbers). */
export function newestId(ids: Iterable<string>, start: string | null = null): string | null {
  let best = start;
  for (const id of ids) if (best === null || BigInt(id) > BigInt(best)) best = id;

  return best;
}

/**
 * Recent search from a `since_id`, page by page (each page handed over before the next is read,
 * so memory stays bounded); without a cursor, only the newest page (start from now).
 * Returns the newest id seen and the number of requests made.
 */
@Injectable()
export class RecentSearchReader {
  constructor(private readonly x: XAppClient) {}

  get limiter(): XAppClient['limiter'] {
    return this.x.limiter;
  }

  async read(opts: {
    query: string;
    sinceId: string | null;
    onPage: (page: SearchPage) => Promise<void>;
  }): Promise<{ newest: string | null; requests: number; items: number }> {
    const paginator = await this.x.api.v2.search(opts.query, {
      ...TWEET_QUERY,
      max_results: 100,
      ...(opts.sinceId ? { since_id: opts.sinceId } : {}),
    });
    let requests = 1;
    let seen = 0;
    let newest: string | null = null;
    const deliver = async () => {
      const fresh = paginator.tweets.slice(seen);
      seen = paginator.tweets.length;
      if (fresh.length === 0) return;
      newest = newestId(
        fresh.map((t) => t.id),
        newest,
      );
      await opts.onPage({
        tweets: fresh,
        users: new Map(paginator.includes.users.map((u) => [u.id, u])),
        referenced: tweetsById(paginator.includes.tweets),
        media: mediaByKey(paginator.includes.media),
      });
    };
    await deliver();
    while (opts.sinceId && !paginator.done) {
      await paginator.fetchNext();
      requests++;
      if (paginator.tweets.length === seen) break;
      await deliver();
    }

    return { newest, requests, items: seen };
  }
}
