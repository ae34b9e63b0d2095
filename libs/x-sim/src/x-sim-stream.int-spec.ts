import { eventually } from '@roost/testing';
import { createXClient } from '@roost/x-client';
import { ETwitterStreamEvent } from 'twitter-api-v2';
import type { TweetStream, TweetV2SingleStreamResult } from 'twitter-api-v2';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

function next<T = unknown>(stream: TweetStream, event: ETwitterStreamEvent, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    stream.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('x-sim filtered stream through twitter-api-v2', () => {
  let sim: XSim;
  let stream: TweetStream | undefined;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true, heartbeatMs: 100 });
  });

  afterEach(async () => {
    stream?.close();
    stream = undefined;
    await sim.close();
  });

  it('adds and deletes rules, and delivers only matching tweets with matching_rules', async () => {
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const added = await client.v2.updateStreamRules({
      add: [
        { value: '@acmecares OR @acme', tag: 'handles' },
        { value: '(acme OR acmee OR akme) -is:retweet -from:acme', tag: 'name' },
        { value: '#acme lang:es', tag: 'hashtag-es' },
      ],
    });
    expect(added.meta.summary.created).toBe(3);
    const ids: Record<string, string> = Object.fromEntries(
      (added.data ?? []).map((r) => [r.tag ?? '', r.id]),
    );
    const listed = await client.v2.streamRules();
    expect(listed.data.map((r) => r.value)).toContain('#acme lang:es');

    stream = await client.v2.searchStream({
      expansions: ['author_id'],
      'tweet.fields': ['lang', 'author_id', 'conversation_id'],
    });
    const keepAlive = next(stream, ETwitterStreamEvent.DataKeepAlive);
    await keepAlive;

    const got: TweetV2SingleStreamResult[] = [];
    stream.on(ETwitterStreamEvent.Data, (d: TweetV2SingleStreamResult) => got.push(d));
    sim.injectTweet({ text: 'nothing to see here', authorHandle: 'carol' });
    const t1 = sim.injectTweet({ text: '@acmecares my parcel never came', authorHandle: 'dave' });
    const t2 = sim.injectTweet({ text: "acme's new blender is great", authorHandle: 'erin' });
    const t3 = sim.injectTweet({ text: '¿Dónde puedo comprar? #acme', authorHandle: 'rosa', lang: 'es' });
    await eventually(() => got.length >= 3, { timeoutMs: 5000, what: 'three stream tweets' });

    expect(got.map((d) => d.data.id)).toEqual([t1.id, t2.id, t3.id]);
    expect(got[0].matching_rules).toEqual([{ id: ids.handles, tag: 'handles' }]);
    expect(got[1].matching_rules.map((r) => r.tag)).toEqual(['name']);
    expect(got[2].matching_rules.map((r) => r.tag).sort()).toEqual(['hashtag-es', 'name']);
    expect(got[0].includes?.users?.[0].username).toBe('dave');
    expect(got[2].data.lang).toBe('es');

    const deleted = await client.v2.updateStreamRules({ delete: { ids: [ids.handles] } });
    expect(deleted.meta.summary.deleted).toBe(1);
    got.length = 0;
    sim.injectTweet({ text: '@acmecares hello again', authorHandle: 'dave' });
    const marker = sim.injectTweet({ text: 'acme marker', authorHandle: 'dave' });
    // Tweets arrive in order on one connection: once the marker is here, the earlier one was skipped.
    await eventually(() => got.some((d) => d.data.id === marker.id), {
      timeoutMs: 5000,
      what: 'marker tweet',
    });
    expect(got.map((d) => d.data.id)).toEqual([marker.id]);
  });

  it('rejects invalid rules with 400 and reports duplicates; dry_run stores nothing', async () => {
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    await expect(client.v2.updateStreamRules({ add: [{ value: '-is:retweet' }] })).rejects.toMatchObject({
      code: 400,
    });
    await expect(client.v2.updateStreamRules({ add: [{ value: 'x'.repeat(513) }] })).rejects.toMatchObject({
      code: 400,
    });
    const dry = await client.v2.updateStreamRules({ add: [{ value: 'acme' }] }, { dry_run: true });
    expect(dry.meta.summary.created).toBe(1);
    expect((await client.v2.streamRules()).meta.result_count).toBe(0);
    await client.v2.updateStreamRules({ add: [{ value: 'acme' }] });
    const dup = await client.v2.updateStreamRules({ add: [{ value: 'acme' }] });
    expect(dup.errors?.[0]).toMatchObject({ title: 'DuplicateRule' });
  });

  it('refuses a second connection for the same app with 429 TooManyConnections', async () => {
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    await client.v2.updateStreamRules({ add: [{ value: 'acme' }] });
    stream = await client.v2.searchStream();
    await expect(client.v2.searchStream()).rejects.toMatchObject({
      code: 429,
      data: { connection_issue: 'TooManyConnections' },
    });
  });

  it('survives a server-side disconnect: the client reconnects and receives new tweets', async () => {
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    await client.v2.updateStreamRules({ add: [{ value: '@acmecares', tag: 'care' }] });
    stream = client.v2.searchStream({ autoConnect: false });
    await stream.connect({ autoReconnect: true, autoReconnectRetries: 5, nextRetryTimeout: () => 50 });
    expect(sim.stats().streamConnections).toBe(1);

    const reconnected = next(stream, ETwitterStreamEvent.Reconnected);
    expect(sim.disconnectStreams()).toBe(1);
    await reconnected;
    expect(sim.stats().streamConnections).toBe(1);

    const data = next<TweetV2SingleStreamResult>(stream, ETwitterStreamEvent.Data);
    const t = sim.injectTweet({ text: '@acmecares still there?', authorHandle: 'frank' });
    expect((await data).data.id).toBe(t.id);
  });

  it('stops heartbeats while stalled, so a client keep-alive timeout fires', async () => {
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    await client.v2.updateStreamRules({ add: [{ value: 'acme' }] });
    stream = client.v2.searchStream({ autoConnect: false });
    await stream.connect({ autoReconnect: false, keepAliveTimeout: 400 });
    await next(stream, ETwitterStreamEvent.DataKeepAlive);
    sim.stallStreams(true);
    const lost = await next(stream, ETwitterStreamEvent.ConnectionLost, 3000).then(() => true);
    sim.stallStreams(false);
    expect(lost).toBe(true);
  });
});
