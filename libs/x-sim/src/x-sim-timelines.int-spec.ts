import { createXClient } from '@roost/x-client';
import { ACME_BRAND } from './x-sim.constants';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

describe('x-sim read endpoints through twitter-api-v2', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('pages the mentions timeline newest first and honours since_id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(sim.injectTweet({ text: `@acmecares question number ${i}`, authorHandle: `cust${i}` }).id);
    }
    sim.injectTweet({ text: '@acme not for care', authorHandle: 'other' });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });

    const first = await client.v2.userMentionTimeline(ACME_BRAND.care.id, {
      max_results: 5,
      expansions: ['author_id'],
      'tweet.fields': ['created_at', 'author_id', 'conversation_id'],
    });
    expect(first.tweets.map((t) => t.id)).toEqual(ids.slice(-5).reverse());
    expect(first.meta.newest_id).toBe(ids[11]);
    expect(first.meta.next_token).toBeDefined();
    expect(first.includes.author(first.tweets[0])?.username).toBe('cust11');

    await first.fetchLast(100);
    expect(first.tweets.map((t) => t.id)).toEqual([...ids].reverse());
    expect(first.done).toBe(true);

    const newer = await client.v2.userMentionTimeline(ACME_BRAND.care.id, {
      since_id: ids[9],
      max_results: 5,
    });
    expect(newer.tweets.map((t) => t.id)).toEqual([ids[11], ids[10]]);
    expect(newer.meta.next_token).toBeUndefined();

    const none = await client.v2.userMentionTimeline(ACME_BRAND.care.id, {
      since_id: ids[11],
      max_results: 5,
    });
    expect(none.meta.result_count).toBe(0);
    expect(none.tweets).toEqual([]);
  });

  it('answers recent search with X query operators and next_token paging', async () => {
    const wanted = [
      sim.injectTweet({ text: 'Thinking of getting an Acme toaster', authorHandle: 'ana' }).id,
      sim.injectTweet({ text: 'where can I buy acme stuff in Berlin', authorHandle: 'ben' }).id,
    ];
    sim.injectTweet({ text: 'acme spam spam follow me', authorHandle: 'spammer1' });
    sim.injectTweet({ text: 'nothing related', authorHandle: 'ana' });
    for (let i = 0; i < 11; i++) {
      sim.injectTweet({ text: `#acme fan ${i}`, authorHandle: `fan${i}` });
    }
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });

    const res = await client.v2.search('("thinking of getting" OR "where can I buy") acme -from:spammer1', {
      'tweet.fields': ['lang', 'author_id'],
    });
    expect(res.tweets.map((t) => t.id).sort()).toEqual([...wanted].sort());
    expect(res.tweets[0].lang).toBe('en');

    const tags = await client.v2.search('#acme', { max_results: 10 });
    expect(tags.tweets).toHaveLength(10);
    expect(tags.meta.next_token).toBeDefined();
    await tags.fetchNext();
    expect(tags.tweets).toHaveLength(11);

    await expect(client.v2.search('is:reply')).rejects.toMatchObject({ code: 400 });
  });

  it('looks users up by username and id with partial errors for unknown ones', async () => {
    sim.injectTweet({ text: 'hi @acme', authorHandle: 'gina' });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });

    const byName = await client.v2.userByUsername('acmecares', {
      'user.fields': ['verified', 'public_metrics', 'created_at'],
    });
    expect(byName.data).toMatchObject({ id: ACME_BRAND.care.id, username: 'acmecares', verified: true });
    expect(byName.data.public_metrics?.followers_count).toBeGreaterThan(0);

    const several = await client.v2.usersByUsernames(['gina', 'acme', 'nobody_here']);
    expect(several.data.map((u) => u.username)).toEqual(['gina', 'acme']);
    expect(several.errors).toEqual([
      expect.objectContaining({
        value: 'nobody_here',
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'usernames',
      }),
    ]);

    const byIds = await client.v2.users([ACME_BRAND.engagement.id, '123']);
    expect(byIds.data).toHaveLength(1);
    expect(byIds.errors?.[0]).toMatchObject({ value: '123', parameter: 'ids' });

    const missing = await client.v2.user('999');
    expect(missing.data).toBeUndefined();
    expect(missing.errors?.[0]).toMatchObject({ resource_id: '999' });

    const me = await createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' }).v2.me();
    expect(me.data.id).toBe(ACME_BRAND.care.id);
    await expect(client.v2.me()).rejects.toMatchObject({ code: 403 });
  });

  it('looks tweets up singly and in bulk, with partial errors', async () => {
    const t = sim.injectTweet({ text: '@acme hola', authorHandle: 'hugo', lang: 'es' });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const one = await client.v2.singleTweet(t.id, { 'tweet.fields': ['lang', 'entities'] });
    expect(one.data).toMatchObject({ id: t.id, lang: 'es' });
    expect(one.data.entities?.mentions?.[0]).toMatchObject({
      username: 'acme',
      id: ACME_BRAND.engagement.id,
      start: 0,
      end: 5,
    });
    const many = await client.v2.tweets([t.id, '1']);
    expect(many.data.map((x) => x.id)).toEqual([t.id]);
    expect(many.errors?.[0]).toMatchObject({ value: '1', resource_type: 'tweet' });
    await expect(fetch(`${sim.url}/2/tweets/${t.id}`)).resolves.toMatchObject({ status: 401 });
  });

  it("expands a quote's post and its author (referenced_tweets.id.author_id) as X does", async () => {
    const brandPost = sim.injectTweet({ text: 'New app out today', authorHandle: 'acmecares' });
    const quote = sim.injectTweet({ text: 'it crashes', authorHandle: 'quinn', quoteTweetId: brandPost.id });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const res = await client.v2.singleTweet(quote.id, {
      expansions: ['author_id', 'referenced_tweets.id', 'referenced_tweets.id.author_id'],
      'tweet.fields': ['author_id', 'referenced_tweets'],
      'user.fields': ['username'],
    });
    expect(res.data.referenced_tweets).toEqual([{ type: 'quoted', id: brandPost.id }]);
    expect(res.includes?.tweets).toEqual([
      expect.objectContaining({ id: brandPost.id, author_id: ACME_BRAND.care.id }),
    ]);
    expect(res.includes?.users?.map((u) => u.username).sort()).toEqual(['acmecares', 'quinn']);
    // Without the author expansion, the quoted post comes but not its author's profile.
    const bare = await client.v2.singleTweet(quote.id, {
      expansions: ['referenced_tweets.id'],
      'tweet.fields': ['author_id'],
    });
    expect(bare.includes?.tweets?.[0]?.author_id).toBe(ACME_BRAND.care.id);
    expect(bare.includes?.users).toBeUndefined();
  });
  it("lists a user's own tweets and replies newest first (GET /2/users/:id/tweets), with since_id", async () => {
    const asks = [0, 1, 2].map(
      (i) => sim.injectTweet({ text: `@acmecares help ${i}`, authorHandle: `asker${i}` }).id,
    );
    const brand = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const posted: string[] = [];
    for (const [i, id] of asks.entries()) posted.push((await brand.v2.reply(`on it ${i} ^AB`, id)).data.id);
    sim.injectTweet({ text: 'someone else talking', authorHandle: 'asker0' });
    const app = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });

    const page = await app.v2.userTimeline(ACME_BRAND.care.id, {
      max_results: 5,
      'tweet.fields': ['referenced_tweets', 'conversation_id', 'author_id'],
    });
    expect(page.tweets.map((t) => t.id)).toEqual([...posted].reverse());
    expect(page.tweets[0]?.referenced_tweets).toEqual([{ type: 'replied_to', id: asks[2] }]);
    expect(page.tweets[0]?.text).toBe('@asker2 on it 2 ^AB');

    const newer = await app.v2.userTimeline(ACME_BRAND.care.id, { since_id: posted[1], max_results: 5 });
    expect(newer.tweets.map((t) => t.id)).toEqual([posted[2]]);
  });
});
