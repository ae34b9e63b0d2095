import { HttpProblem } from '../http/http-problem';
import { readJsonBody, scalarText } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import type { SimOperations } from '../sim-operations';
import type { ApiTier, InjectMediaInput } from '../x-sim.types';

const ALL_TWEET_FIELDS = new Set([
  'author_id',
  'created_at',
  'conversation_id',
  'in_reply_to_user_id',
  'referenced_tweets',
  'entities',
  'lang',
  'public_metrics',
  'attachments',
]);
const ALL_DM_FIELDS = new Set([
  'sender_id',
  'dm_conversation_id',
  'created_at',
  'participant_ids',
  'entities',
  'attachments',
]);
const MEDIA_TYPES = new Set(['photo', 'animated_gif', 'video']);
const TIERS: ApiTier[] = ['free', 'basic', 'pro', 'pay_per_use', 'enterprise'];

function str(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const v = scalarText(body[name]);
  if (v === undefined || v === '') {
    if (required) {
      throw HttpProblem.invalidRequest(`\`${name}\` is required`, { name, value: '' });
    }

    return undefined;
  }

  return v;
}

function optionalNumber(
  body: Record<string, unknown>,
  name: string,
  range: { min: number; max: number },
): number | undefined {
  if (body[name] === undefined) {
    return undefined;
  }
  const v = Number(body[name]);
  if (!Number.isFinite(v) || v < range.min || v > range.max) {
    throw HttpProblem.invalidRequest(`\`${name}\` must be a number from ${range.min} to ${range.max}`, {
      name,
      value: String(body[name]),
    });
  }

  return v;
}

/** `media: [{ type: photo|animated_gif|video, altText?, width?, height?, durationMs? }]`: a customer's attachments. */
function mediaInput(body: Record<string, unknown>, max: number): InjectMediaInput[] | undefined {
  const v = body.media;
  if (v === undefined) {
    return undefined;
  }
  if (!Array.isArray(v) || v.length > max) {
    throw HttpProblem.invalidRequest(`\`media\` must be an array of at most ${max} items`, {
      name: 'media',
      value: '',
    });
  }

  return v.map((item: unknown) => {
    const m = (item ?? {}) as Record<string, unknown>;
    const type = str(m, 'type', true)!;
    if (!MEDIA_TYPES.has(type)) {
      throw HttpProblem.invalidRequest('`media[].type` must be photo, animated_gif or video', {
        name: 'media.type',
        value: type,
      });
    }
    const altText = str(m, 'altText', false);
    const width = optionalNumber(m, 'width', { min: 1, max: 10_000 });
    const height = optionalNumber(m, 'height', { min: 1, max: 10_000 });
    const durationMs = optionalNumber(m, 'durationMs', { min: 0, max: 10_000_000 });

    return {
      type: type as InjectMediaInput['type'],
      ...(altText ? { altText } : {}),
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
      ...(durationMs !== undefined ? { durationMs } : {}),
    };
  });
}

/** The test-and-demo contract: inject traffic, read what brands posted, arm faults. */
export function registerSimRoutes(router: Router, ctx: SimContext, ops: SimOperations): void {
  const tweetWire = (id: string) => {
    const t = ctx.store.tweet(id);

    return t ? ctx.serializer.tweet(t, ALL_TWEET_FIELDS, { raw: true }) : undefined;
  };

  router.add({
    method: 'POST',
    pattern: '/sim/tweets',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const tweet = ops.injectTweet({
        text: str(body, 'text', true)!,
        authorHandle: str(body, 'authorHandle', true)!,
        inReplyToTweetId: str(body, 'inReplyToTweetId', false),
        quoteTweetId: str(body, 'quoteTweetId', false),
        lang: str(body, 'lang', false),
        media: mediaInput(body, 4),
      });

      return { status: 201, body: { id: tweet.id } };
    },
  });
  // Many tweets in one request (benchmarks and replays): `{ "tweets": [ { text, authorHandle, … } ] }`.
  router.add({
    method: 'POST',
    pattern: '/sim/tweets/batch',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const items = body.tweets;
      if (!Array.isArray(items) || items.length === 0 || items.length > 1000) {
        throw HttpProblem.invalidRequest('`tweets` must be an array of 1 to 1000 tweets', {
          name: 'tweets',
          value: '',
        });
      }
      const ids = items.map((item: unknown) => {
        const t = (item ?? {}) as Record<string, unknown>;

        return ops.injectTweet({
          text: str(t, 'text', true)!,
          authorHandle: str(t, 'authorHandle', true)!,
          inReplyToTweetId: str(t, 'inReplyToTweetId', false),
          quoteTweetId: str(t, 'quoteTweetId', false),
          lang: str(t, 'lang', false),
          media: mediaInput(t, 4),
        }).id;
      });

      return { status: 201, body: { ids } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/tweets/:id',
    auth: 'none',
    handler: ({ params }) => {
      const t = tweetWire(params.id);
      if (!t) {
        throw HttpProblem.notFound(`tweet ${params.id} not found`);
      }

      return { status: 200, body: { data: t } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/tweets/:id/replies',
    auth: 'none',
    handler: ({ params }) => ({
      status: 200,
      body: {
        data: ops.replies(params.id).map((t) => ctx.serializer.tweet(t, ALL_TWEET_FIELDS, { raw: true })),
      },
    }),
  });
  router.add({
    method: 'POST',
    pattern: '/sim/dms',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const event = ops.injectDm({
        fromHandle: str(body, 'fromHandle', true)!,
        toHandle: str(body, 'toHandle', true)!,
        text: str(body, 'text', true)!,
        media: mediaInput(body, 1),
      });

      return { status: 201, body: { id: event.id, dm_conversation_id: event.dm_conversation_id } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/posts',
    auth: 'none',
    handler: ({ query }) => {
      const handle = query.get('authorHandle');
      if (!handle) {
        throw HttpProblem.invalidRequest('`authorHandle` is required', { name: 'authorHandle', value: '' });
      }
      const posts = ops.postsBy(handle);

      return {
        status: 200,
        body: {
          data: {
            tweets: posts.tweets.map((t) => ctx.serializer.tweet(t, ALL_TWEET_FIELDS, { raw: true })),
            dms: posts.dms.map((d) => ctx.serializer.dmEvent(d, ALL_DM_FIELDS)),
          },
        },
      };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/users/:handle',
    auth: 'none',
    handler: ({ params }) => {
      const u = ctx.store.userByUsername(params.handle);
      if (!u) {
        throw HttpProblem.notFound(`user @${params.handle} not found`);
      }

      return { status: 200, body: { data: u } };
    },
  });
  router.add({
    method: 'POST',
    pattern: '/sim/accounts',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const tier = str(body, 'apiTier', false) as ApiTier | undefined;
      if (tier && !TIERS.includes(tier)) {
        throw HttpProblem.invalidRequest(`apiTier must be one of ${TIERS.join(', ')}`, {
          name: 'apiTier',
          value: tier,
        });
      }
      const user = ops.registerBrand({
        username: str(body, 'handle', true)!,
        name: str(body, 'name', false),
        apiTier: tier,
      });

      return { status: 201, body: { data: user } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/stats',
    auth: 'none',
    handler: () => ({ status: 200, body: ops.stats() }),
  });
  router.add({
    method: 'POST',
    pattern: '/sim/reset',
    auth: 'none',
    handler: () => {
      ops.reset();

      return { status: 200, body: { reset: true } };
    },
  });
  router.add({
    method: 'POST',
    pattern: '/sim/faults',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const status = Number(body.status);
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw HttpProblem.invalidRequest('`status` must be an HTTP error status', {
          name: 'status',
          value: String(body.status),
        });
      }
      const rate = optionalNumber(body, 'rate', { min: 0, max: 1 });
      ctx.faults.add({
        endpoint: str(body, 'endpoint', true)!,
        status,
        count: body.count === undefined ? 1 : Number(body.count),
        resetInSeconds: body.resetInSeconds === undefined ? undefined : Number(body.resetInSeconds),
        afterCommit: body.afterCommit === true,
        rate,
        seed: optionalNumber(body, 'seed', { min: 0, max: 2 ** 32 - 1 }),
        stallMs: optionalNumber(body, 'stallMs', { min: 0, max: 600_000 }),
      });

      return { status: 201, body: { pending: ctx.faults.pending() } };
    },
  });
  router.add({
    method: 'DELETE',
    pattern: '/sim/faults',
    auth: 'none',
    handler: () => {
      ctx.faults.clear();

      return { status: 200, body: { pending: [] } };
    },
  });
  router.add({
    method: 'POST',
    pattern: '/sim/stream/disconnect',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);

      return { status: 200, body: { disconnected: ctx.hub.disconnectAll(body.operational === true) } };
    },
  });
  router.add({
    method: 'POST',
    pattern: '/sim/stream/stall',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      ctx.hub.setStalled(body.stalled !== false);

      return { status: 200, body: { stalled: ctx.hub.isStalled } };
    },
  });
}
