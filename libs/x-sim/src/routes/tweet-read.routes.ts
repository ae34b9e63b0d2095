import { parseFieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { maxResults, pageTimeline, requireId } from '../http/timeline-page';
import { matchesQuery } from '../query/query-matcher';
import { parseQuery } from '../query/query-parser';
import { QueryParseError } from '../query/query.types';
import type { SimTweet } from '../x-sim.types';
import { MAX_QUERY_LENGTH, MENTIONS_TIMELINE_DEPTH, USER_TIMELINE_DEPTH } from '../x-sim.constants';
import { notAuthorizedError, notFoundError } from './not-found-errors';

export function registerTweetReadRoutes(router: Router, ctx: SimContext): void {
  /** Why a lookup cannot return a tweet, as X says it: a protected author's tweet is an authorization error, anything else not found. */
  const missing = (id: string, parameter: string) => {
    const t = ctx.store.tweetRecord(id);
    const author = t && !t.deleted ? ctx.store.userById(t.author_id) : undefined;

    return author?.compliance?.reason === 'protected'
      ? notAuthorizedError({ parameter, value: id })
      : notFoundError({ resource: 'tweet', parameter, value: id });
  };
  const envelope = (tweets: SimTweet[], query: URLSearchParams, meta?: Record<string, unknown>) => {
    const fields = parseFieldOptions(query);
    const includes = ctx.serializer.tweetIncludes(tweets, fields);

    return {
      ...(tweets.length ? { data: tweets.map((t) => ctx.serializer.tweet(t, fields.tweetFields)) } : {}),
      ...(includes ? { includes } : {}),
      ...(meta ? { meta } : {}),
    };
  };

  router.add({
    method: 'GET',
    pattern: '/2/tweets/search/recent',
    auth: 'app',
    handler: ({ query }) => {
      const q = query.get('query') ?? '';
      if (!q || q.length > MAX_QUERY_LENGTH) {
        throw HttpProblem.invalidRequest(
          `The \`query\` query parameter must be 1 to ${MAX_QUERY_LENGTH} characters`,
          { name: 'query', value: q },
        );
      }
      let node;
      try {
        node = parseQuery(q);
      } catch (e) {
        if (e instanceof QueryParseError) {
          throw HttpProblem.invalidRequest(`There were errors processing your request: ${e.message}`, {
            name: 'query',
            value: q,
          });
        }
        throw e;
      }
      const weekAgo = ctx.clock() - 7 * 86_400_000;
      const candidates = ctx.store.allTweets().filter((t) => {
        if (Date.parse(t.created_at) < weekAgo) {
          return false;
        }
        const author = ctx.store.userById(t.author_id);
        const replyTo = t.in_reply_to_user_id ? ctx.store.userById(t.in_reply_to_user_id) : undefined;

        return matchesQuery(node, {
          tweet: t,
          authorUsername: author?.username ?? '',
          authorVerified: author?.verified ?? false,
          inReplyToUsername: replyTo?.username,
        });
      });
      const page = pageTimeline({
        tweets: candidates,
        query,
        tokenParam: 'next_token',
        limit: maxResults(query, { min: 10, max: 100, fallback: 10 }),
      });

      return { status: 200, body: envelope(page.items, query, page.meta) };
    },
  });

  /**
   * A user's timeline page, reaching back only `depth` tweets (X's documented limit: older ones
   * exist but no page serves them). Unknown users are a 200 with a partial error, as X answers.
   */
  const userTimeline = (pattern: string, depth: number, tweetsOf: (userId: string) => SimTweet[]) =>
    router.add({
      method: 'GET',
      pattern,
      auth: 'app',
      handler: ({ params, query }) => {
        const id = requireId('id', params.id) ?? '';
        if (!ctx.store.userById(id)) {
          return {
            status: 200,
            body: { errors: [notFoundError({ resource: 'user', parameter: 'id', value: id })] },
          };
        }
        const page = pageTimeline({
          tweets: tweetsOf(id).slice(-depth),
          query,
          tokenParam: 'pagination_token',
          limit: maxResults(query, { min: 5, max: 100, fallback: 10 }),
        });

        return { status: 200, body: envelope(page.items, query, page.meta) };
      },
    });

  userTimeline('/2/users/:id/mentions', MENTIONS_TIMELINE_DEPTH, (id) => ctx.store.mentionsOf(id));
  // The user's own posts (tweets and replies), newest first: how a poster looks on X before retrying.
  userTimeline('/2/users/:id/tweets', USER_TIMELINE_DEPTH, (id) =>
    ctx.store.allTweets().filter((t) => t.author_id === id),
  );

  router.add({
    method: 'GET',
    pattern: '/2/tweets/:id',
    auth: 'app',
    handler: ({ params, query }) => {
      const id = requireId('id', params.id) ?? '';
      const t = ctx.store.tweet(id);
      if (!t) {
        return {
          status: 200,
          body: { errors: [missing(id, 'id')] },
        };
      }
      const body = envelope([t], query);

      return { status: 200, body: { ...body, data: (body.data as unknown[])[0] } };
    },
  });

  router.add({
    method: 'GET',
    pattern: '/2/tweets',
    auth: 'app',
    handler: ({ query }) => {
      const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 100) {
        throw HttpProblem.invalidRequest('The `ids` query parameter must list 1 to 100 ids', {
          name: 'ids',
          value: query.get('ids') ?? '',
        });
      }
      ids.forEach((id) => requireId('ids', id));
      const found = ids.flatMap((id) => {
        const t = ctx.store.tweet(id);

        return t ? [t] : [];
      });
      const errors = ids.filter((id) => !ctx.store.tweet(id)).map((value) => missing(value, 'ids'));

      return { status: 200, body: { ...envelope(found, query), ...(errors.length ? { errors } : {}) } };
    },
  });
}
