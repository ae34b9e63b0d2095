import { HttpProblem } from '../http/http-problem';
import { readJsonBody, scalarText } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { requireId } from '../http/timeline-page';
import { escapeTweetText } from '../store/link-wrapper';
import { MediaUploadError } from '../store/media-library';
import { weightedLength } from '../store/tweet-text.analyzer';
import { MAX_TWEET_WEIGHTED_LENGTH } from '../x-sim.constants';
import type { SimTweet } from '../x-sim.types';
import { DUPLICATE_CONTENT, REPLY_NOT_ALLOWED, mayReply } from './reply-policy';

/** `media: { media_ids: [...] }` as X takes it: ids as strings; undefined when absent. */
function mediaIdsOf(media: unknown): string[] | undefined {
  if (media === undefined) return undefined;
  const ids = (media as { media_ids?: unknown } | null)?.media_ids;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !/^[0-9]{1,19}$/.test(id))) {
    throw HttpProblem.invalidRequest('`media.media_ids` must be an array of media id strings', {
      name: 'media.media_ids',
      value: JSON.stringify(ids ?? null).slice(0, 100),
    });
  }

  return ids as string[];
}

export function registerTweetWriteRoutes(router: Router, ctx: SimContext): void {
  router.add({
    method: 'POST',
    pattern: '/2/tweets',
    auth: 'user',
    handler: async ({ req, auth }) => {
      const author = auth.user!;
      const body = await readJsonBody(req);
      const text = typeof body.text === 'string' ? body.text : '';
      const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
      const replyTo = scalarText(reply?.in_reply_to_tweet_id);
      const quoteId = scalarText(body.quote_tweet_id);
      const mediaIds = mediaIdsOf(body.media);
      if (!text.trim() && !mediaIds) {
        throw HttpProblem.invalidRequest('The `text` field is required and must not be empty', {
          name: 'text',
          value: text,
        });
      }
      if (weightedLength(text) > MAX_TWEET_WEIGHTED_LENGTH) {
        throw HttpProblem.invalidRequest(
          'Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.',
          { name: 'text', value: text },
        );
      }
      requireId('reply.in_reply_to_tweet_id', replyTo ?? null);
      requireId('quote_tweet_id', quoteId ?? null);
      let target: SimTweet | undefined;
      if (replyTo) {
        target = ctx.store.tweet(replyTo);
        if (!target) {
          throw HttpProblem.invalidRequest(
            'You attempted to reply to a Tweet that is deleted or not visible to you.',
            {
              name: 'reply.in_reply_to_tweet_id',
              value: replyTo,
            },
          );
        }
        if (!mayReply({ store: ctx.store, replier: author, target })) {
          throw HttpProblem.forbidden(REPLY_NOT_ALLOWED);
        }
      }
      if (quoteId && !ctx.store.tweet(quoteId)) {
        throw HttpProblem.invalidRequest('The quoted Tweet does not exist or is not visible to you.', {
          name: 'quote_tweet_id',
          value: quoteId,
        });
      }
      let mediaKeys: string[] | undefined;
      if (mediaIds) {
        try {
          mediaKeys = ctx.store.media.attach(author.id, mediaIds, { max: 4 });
        } catch (err) {
          if (err instanceof MediaUploadError) {
            throw HttpProblem.invalidRequest(err.message, { name: err.field, value: mediaIds.join(',') });
          }
          throw err;
        }
      }
      if (ctx.duplicates.isDuplicate(author.id, text)) {
        throw HttpProblem.forbidden(DUPLICATE_CONTENT);
      }
      const tweet = ctx.store.createTweet({
        ...(mediaKeys ? { mediaKeys } : {}),
        authorId: author.id,
        text,
        inReplyToTweetId: replyTo,
        quoteTweetId: quoteId,
        source: 'api',
      });
      ctx.duplicates.remember(author.id, text);
      ctx.metrics.tweetsPosted.inc();

      return {
        status: 201,
        body: {
          data: {
            id: tweet.id,
            text: escapeTweetText(tweet.text),
            edit_history_tweet_ids: tweet.edit_history_tweet_ids,
          },
        },
      };
    },
  });

  router.add({
    method: 'DELETE',
    pattern: '/2/tweets/:id',
    auth: 'user',
    handler: ({ params, auth }) => {
      const id = requireId('id', params.id) ?? '';
      const t = ctx.store.tweet(id);
      if (t && t.author_id !== auth.user!.id) {
        throw HttpProblem.forbidden('You are not authorized to delete this Tweet.');
      }

      return { status: 200, body: { data: { deleted: ctx.store.deleteTweet(id) } } };
    },
  });
}
