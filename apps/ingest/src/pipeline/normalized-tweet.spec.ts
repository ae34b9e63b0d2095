import type { UserV2 } from 'twitter-api-v2';
import { normalizeTweet, usersById } from './normalized-tweet';

const user = (over: Partial<UserV2> = {}): UserV2 =>
  ({ id: '42', username: 'bob', name: 'Bob', public_metrics: { followers_count: 10 }, ...over }) as UserV2;

describe('normalizeTweet: what PostgreSQL cannot store never leaves ingest', () => {
  it('drops NUL characters from the text, the handle, the name and the mentions', () => {
    const t = normalizeTweet(
      {
        id: '1',
        text: '@acme\u0000cares my order\u0000 is late',
        author_id: '42',
        edit_history_tweet_ids: [],
        entities: { mentions: [{ username: 'acme\u0000cares', start: 0, end: 10 }] },
      } as never,
      usersById([user({ username: 'bo\u0000b', name: '\u0000Bob\u0000' })]),
    );
    expect(t.text).toBe('@acmecares my order is late');
    expect(t.author).toMatchObject({ handle: 'bob', name: 'Bob' });
    expect(t.mentions).toEqual(['acmecares']);
  });

  it("repairs a NUL that comes only in the author's name or handle, the text being clean", () => {
    const t = normalizeTweet(
      { id: '2', text: 'where is my parcel', author_id: '42', edit_history_tweet_ids: [] },
      usersById([user({ username: 'b\u0000ob', name: 'Bo\u0000b' })]),
    );
    expect(t.text).toBe('where is my parcel');
    expect(t.author).toMatchObject({ id: '42', handle: 'bob', name: 'Bob' });
    expect(JSON.stringify(t)).not.toContain('\\u0000');
  });

  it('keeps a follower count beyond 32 bits, and makes a nonsensical one 0', () => {
    const big = normalizeTweet(
      { id: '1', text: 'hi', author_id: '42', edit_history_tweet_ids: [] },
      usersById([user({ public_metrics: { followers_count: 3_000_000_000 } })]),
    );
    expect(big.author.followersCount).toBe(3_000_000_000);
    const odd = normalizeTweet(
      { id: '1', text: 'hi', author_id: '42', edit_history_tweet_ids: [] },
      usersById([user({ public_metrics: { followers_count: Number.POSITIVE_INFINITY } })]),
    );
    expect(odd.author.followersCount).toBe(0);
  });
});
