import { escapeTweetText } from '../store/link-wrapper';
import type { SimStore } from '../store/sim-store';
import type { SimDmEvent, SimMedia, SimTweet, SimUser } from '../x-sim.types';
import type { FieldOptions } from './field-options';

export type Wire = Record<string, unknown>;

export interface Includes {
  users?: Wire[];
  tweets?: Wire[];
  media?: Wire[];
}

const MEDIA_EXPANSION = 'attachments.media_keys';

/** Turns store records into X API v2 JSON, honouring field selection and expansions. */
export class WireSerializer {
  constructor(private readonly store: SimStore) {}

  /**
   * A tweet as X v2 serves it: text HTML-escaped (`&amp;`, `&lt;`, `&gt;`) while entity offsets
   * stay those of the unescaped text. `raw` (the /sim routes only) keeps the stored text.
   */
  tweet(t: SimTweet, fields: Set<string>, opts: { raw?: boolean } = {}): Wire {
    const out: Wire = {
      id: t.id,
      text: opts.raw ? t.text : escapeTweetText(t.text),
      edit_history_tweet_ids: t.edit_history_tweet_ids,
    };
    const optional: Record<string, unknown> = {
      author_id: t.author_id,
      created_at: t.created_at,
      conversation_id: t.conversation_id,
      in_reply_to_user_id: t.in_reply_to_user_id,
      referenced_tweets: t.referenced_tweets,
      entities: t.entities,
      lang: t.lang,
      public_metrics: t.public_metrics,
      attachments: t.attachments,
      possibly_sensitive: false,
      reply_settings: 'everyone',
    };
    for (const f of fields) {
      if (optional[f] !== undefined) {
        out[f] = optional[f];
      }
    }

    return out;
  }

  user(u: SimUser, fields: Set<string>): Wire {
    const out: Wire = { id: u.id, name: u.name, username: u.username };
    const optional: Record<string, unknown> = {
      created_at: u.createdAt,
      description: u.description,
      location: u.location || undefined,
      protected: u.protected,
      verified: u.verified,
      verified_type: u.verified ? (u.isBrand ? 'business' : 'blue') : 'none',
      profile_image_url: `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`,
      url: '',
      public_metrics: {
        followers_count: u.followersCount,
        following_count: u.followingCount,
        tweet_count: u.tweetCount,
        listed_count: Math.floor(u.followersCount / 200),
        like_count: Math.floor(u.tweetCount * 1.7),
      },
    };
    for (const f of fields) {
      if (optional[f] !== undefined) {
        out[f] = optional[f];
      }
    }

    return out;
  }

  /** A media object: `media_key` and `type` always, the rest as `media.fields` asks. */
  media(m: SimMedia, fields: Set<string>): Wire {
    const out: Wire = { media_key: m.media_key, type: m.type };
    const optional: Record<string, unknown> = {
      url: m.url,
      preview_image_url: m.preview_image_url,
      width: m.width,
      height: m.height,
      alt_text: m.alt_text,
      duration_ms: m.duration_ms,
      variants: m.variants,
    };
    for (const f of fields) {
      if (optional[f] !== undefined) {
        out[f] = optional[f];
      }
    }

    return out;
  }

  dmEvent(d: SimDmEvent, fields: Set<string>): Wire {
    const out: Wire = { id: d.id, event_type: d.event_type, text: d.text };
    const optional: Record<string, unknown> = {
      sender_id: d.sender_id,
      dm_conversation_id: d.dm_conversation_id,
      created_at: d.created_at,
      participant_ids: d.participant_ids,
      entities: d.entities,
      attachments: d.attachments,
    };
    for (const f of fields) {
      if (optional[f] !== undefined) {
        out[f] = optional[f];
      }
    }

    return out;
  }

  /** `includes` for a page of tweets, or undefined when nothing was expanded. */
  tweetIncludes(tweets: SimTweet[], opts: FieldOptions): Includes | undefined {
    const userIds = new Set<string>();
    const refTweets = new Map<string, SimTweet>();
    const mediaKeys = new Set<string>();
    const ex = opts.expansions;
    for (const t of tweets) {
      if (ex.has(MEDIA_EXPANSION)) {
        for (const k of t.attachments?.media_keys ?? []) mediaKeys.add(k);
      }
      if (ex.has('author_id')) {
        userIds.add(t.author_id);
      }
      if (ex.has('in_reply_to_user_id') && t.in_reply_to_user_id) {
        userIds.add(t.in_reply_to_user_id);
      }
      if (ex.has('entities.mentions.username')) {
        for (const m of t.entities?.mentions ?? []) {
          userIds.add(m.id);
        }
      }
      if (ex.has('referenced_tweets.id') || ex.has('referenced_tweets.id.author_id')) {
        for (const r of t.referenced_tweets ?? []) {
          const ref = this.store.tweet(r.id);
          if (ref) {
            refTweets.set(ref.id, ref);
            if (ex.has('referenced_tweets.id.author_id')) {
              userIds.add(ref.author_id);
            }
          }
        }
      }
    }

    return this.assemble(userIds, [...refTweets.values()], opts, mediaKeys);
  }

  dmIncludes(events: SimDmEvent[], opts: FieldOptions): Includes | undefined {
    const userIds = new Set<string>();
    const mediaKeys = new Set<string>();
    for (const d of events) {
      if (opts.expansions.has(MEDIA_EXPANSION)) {
        for (const k of d.attachments?.media_keys ?? []) mediaKeys.add(k);
      }
      if (opts.expansions.has('sender_id')) {
        userIds.add(d.sender_id);
      }
      if (opts.expansions.has('participant_ids')) {
        d.participant_ids.forEach((id) => userIds.add(id));
      }
    }

    return this.assemble(userIds, [], opts, mediaKeys);
  }

  private assemble(
    userIds: Set<string>,
    tweets: SimTweet[],
    opts: FieldOptions,
    mediaKeys: Set<string>,
  ): Includes | undefined {
    const includes: Includes = {};
    const users = [...userIds].flatMap((id) => {
      const u = this.store.userById(id);

      return u ? [this.user(u, opts.userFields)] : [];
    });
    if (users.length) {
      includes.users = users;
    }
    if (tweets.length) {
      includes.tweets = tweets.map((t) => this.tweet(t, opts.tweetFields));
    }
    const media = [...mediaKeys].flatMap((k) => {
      const m = this.store.media.get(k);

      return m ? [this.media(m, opts.mediaFields)] : [];
    });
    if (media.length) {
      includes.media = media;
    }

    return Object.keys(includes).length ? includes : undefined;
  }
}
