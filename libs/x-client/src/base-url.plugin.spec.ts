import { BaseUrlPlugin } from './base-url.plugin';
import { msUntilReset, parseRateLimitHeaders } from './rate-limit.parser';
import { createXClient } from './create-x-client';
import { readDmSendResult } from './dm-send-result';

describe('BaseUrlPlugin.rewrite', () => {
  it('moves api.x.com requests to the base origin, keeping path and query', () => {
    const plugin = new BaseUrlPlugin('http://127.0.0.1:4100');
    expect(plugin.rewrite('https://api.x.com/2/tweets/search/recent?query=acme')).toBe(
      'http://127.0.0.1:4100/2/tweets/search/recent?query=acme',
    );
  });

  it('honours a path prefix on the base URL and the legacy api.twitter.com host', () => {
    const plugin = new BaseUrlPlugin('http://sim.local:8080/x/');
    expect(plugin.rewrite('https://api.twitter.com/2/users/me')).toBe('http://sim.local:8080/x/2/users/me');
  });

  it('leaves other hosts alone', () => {
    const plugin = new BaseUrlPlugin('http://127.0.0.1:4100');
    expect(plugin.rewrite('https://upload.example.com/1.1/media/upload.json')).toBe(
      'https://upload.example.com/1.1/media/upload.json',
    );
  });
});

describe('parseRateLimitHeaders', () => {
  it('reads the three x-rate-limit headers', () => {
    const parsed = parseRateLimitHeaders({
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': '1700000900',
    });
    expect(parsed).toEqual({ limit: 450, remaining: 0, reset: 1700000900 });
    expect(msUntilReset(parsed!, 1700000000_000)).toBe(900_000);
  });

  it('returns undefined when headers are missing or garbage', () => {
    expect(parseRateLimitHeaders({})).toBeUndefined();
    expect(
      parseRateLimitHeaders({
        'x-rate-limit-limit': 'x',
        'x-rate-limit-remaining': '1',
        'x-rate-limit-reset': '2',
      }),
    ).toBeUndefined();
  });
});

describe('readDmSendResult', () => {
  it('reads the wire shape and the shape twitter-api-v2 declares', () => {
    const wire = { data: { dm_conversation_id: '1-2', dm_event_id: '9' } };
    expect(readDmSendResult(wire)).toEqual({ dm_conversation_id: '1-2', dm_event_id: '9' });
    expect(readDmSendResult({ dm_conversation_id: '1-2', dm_event_id: '9' })).toEqual(wire.data);
  });
});

describe('createXClient', () => {
  it('adds the redirect only when a base URL is given', () => {
    expect(createXClient({ bearerToken: 't' }).getPlugins()).toHaveLength(0);
    const sim = createXClient({ bearerToken: 't', baseUrl: 'http://127.0.0.1:4100' });
    expect(sim.getPlugins()[0]).toBeInstanceOf(BaseUrlPlugin);
  });
});
