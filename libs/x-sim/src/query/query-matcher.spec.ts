import type { SimTweet } from '../x-sim.types';
import { matchesQuery } from './query-matcher';
import { parseQuery } from './query-parser';
import { QueryParseError } from './query.types';

function tweet(text: string, extra: Partial<SimTweet> = {}): SimTweet {
  return {
    id: '10',
    text,
    author_id: '1',
    created_at: '2026-01-01T00:00:00.000Z',
    conversation_id: '10',
    lang: 'en',
    public_metrics: {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    },
    edit_history_tweet_ids: ['10'],
    source: 'sim',
    ...extra,
  };
}

function matches(query: string, t: SimTweet, author = 'alice', replyTo?: string): boolean {
  return matchesQuery(parseQuery(query), {
    tweet: t,
    authorUsername: author,
    authorVerified: false,
    inReplyToUsername: replyTo,
  });
}

describe('X query grammar', () => {
  it('matches keywords as case- and accent-insensitive tokens, not substrings', () => {
    expect(matches('acme', tweet("Acme's support is slow"))).toBe(true);
    expect(matches('acme', tweet('#acme rocks'))).toBe(true);
    expect(matches('acme', tweet('acmeee is not it'))).toBe(false);
    expect(matches('donde', tweet('¿Dónde está?'))).toBe(true);
  });

  it('matches keywords in the links behind t.co aliases too, as X does, but no phrase across text and link', () => {
    const url = {
      start: 13,
      end: 36,
      url: 'https://t.co/AbCdEfGhIj',
      expanded_url: 'https://acme.com/blender-recall',
      display_url: 'acme.com/blender-recall',
    };
    const t = tweet('is this mine https://t.co/AbCdEfGhIj', { entities: { urls: [url] } });
    expect(matches('acme', t)).toBe(true);
    expect(matches('"blender recall"', t)).toBe(true);
    expect(matches('"mine acme"', t)).toBe(false);
    expect(matches('toaster', t)).toBe(false);
  });

  it('matches quoted phrases as token sequences', () => {
    expect(matches('"where can I buy"', tweet('Where can I buy one?'))).toBe(true);
    expect(matches('"where can I buy"', tweet('where I can buy'))).toBe(false);
  });

  it('binds AND tighter than OR, and supports negation and parentheses', () => {
    const t = tweet('acme blender broke');
    expect(matches('blender OR toaster acme', tweet('toaster'))).toBe(false);
    expect(matches('blender OR toaster acme', tweet('blender'))).toBe(true);
    expect(matches('(blender OR toaster) acme', t)).toBe(true);
    expect(matches('acme -broke', t)).toBe(false);
    expect(matches('acme -(toaster OR kettle)', t)).toBe(true);
  });

  it('knows @mention, #hashtag, from:, to:, lang:, is:reply, is:retweet', () => {
    const t = tweet('@AcmeCares help #Acme', {
      entities: {
        mentions: [{ start: 0, end: 10, username: 'AcmeCares', id: '2' }],
        hashtags: [{ start: 16, end: 21, tag: 'Acme' }],
      },
      referenced_tweets: [{ type: 'replied_to', id: '9' }],
      in_reply_to_user_id: '2',
      lang: 'de',
    });
    expect(matches('@acmecares', t)).toBe(true);
    expect(matches('#acme', t)).toBe(true);
    expect(matches('from:alice help', t)).toBe(true);
    expect(matches('from:bob help', t)).toBe(false);
    expect(matches('to:acmecares help', t, 'alice', 'acmecares')).toBe(true);
    expect(matches('help lang:de is:reply -is:retweet', t)).toBe(true);
    expect(matches('help lang:en', t)).toBe(false);
  });

  it('matches CJK keywords by substring', () => {
    expect(matches('アクメ', tweet('アクメの注文が届かない', { lang: 'ja' }))).toBe(true);
  });

  it('rejects rules without a positive standalone term, unknown operators and bad syntax', () => {
    expect(() => parseQuery('-acme')).toThrow(QueryParseError);
    expect(() => parseQuery('lang:en')).toThrow(QueryParseError);
    expect(() => parseQuery('acme OR lang:en')).toThrow(QueryParseError);
    expect(() => parseQuery('bogus:thing acme')).toThrow(QueryParseError);
    expect(() => parseQuery('(acme')).toThrow(QueryParseError);
    expect(() => parseQuery('"acme')).toThrow(QueryParseError);
    expect(() => parseQuery('acme)')).toThrow(QueryParseError);
  });
});
