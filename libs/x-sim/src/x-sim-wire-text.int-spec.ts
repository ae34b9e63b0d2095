import { eventually } from '@roost/testing';
import { createXClient } from '@roost/x-client';
import { ETwitterStreamEvent } from 'twitter-api-v2';
import type { TweetStream, TweetV2SingleStreamResult } from 'twitter-api-v2';
import { ACME_BRAND, MENTIONS_TIMELINE_DEPTH, USER_TIMELINE_DEPTH } from './x-sim.constants';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

const TCO = /^https:\/\/t\.co\/[A-Za-z0-9]{10}$/;
const LONG_LINK = 'https://www.acme.com/orders/A123456/tracking?step=courier&lang=en';

describe('x-sim text as X serves it: t.co links, HTML escaping, timeline depth', () => {
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

  const app = () => createXClient({ baseUrl: sim.url, bearerToken: 'app' });
  const care = () => createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });

  it('wraps every link of a posted tweet as t.co with entities.urls; a long link still weighs 23', async () => {
    // 200 filler characters plus a 65-character link: too long by string length, fine by X's weighting.
    const text = `${'x'.repeat(200)} track it at ${LONG_LINK} or acme.com`;
    const posted = await care().v2.tweet(text);
    const wrapped = posted.data.text;
    expect(wrapped).toMatch(
      /^x{200} track it at https:\/\/t\.co\/[A-Za-z0-9]{10} or https:\/\/t\.co\/[A-Za-z0-9]{10}$/,
    );

    const looked = await app().v2.singleTweet(posted.data.id, { 'tweet.fields': ['entities'] });
    expect(looked.data.text).toBe(wrapped);
    const urls = looked.data.entities?.urls ?? [];
    expect(urls.map((u) => [u.expanded_url, u.display_url])).toEqual([
      [LONG_LINK, 'acme.com/orders/A123456/tr…'],
      ['http://acme.com', 'acme.com'],
    ]);
    for (const u of urls) {
      expect(u.url).toMatch(TCO);
      expect([...wrapped].slice(u.start, u.end).join('')).toBe(u.url);
    }
    const timeline = await app().v2.userTimeline(ACME_BRAND.care.id);
    expect(timeline.tweets[0].text).toBe(wrapped);
    expect(sim.postsBy('acmecares').tweets[0].text).toBe(wrapped);
  });

  it('serves &, < and > escaped on every tweet read, the stream included, and raw on /sim routes', async () => {
    const client = app();
    await client.v2.updateStreamRules({ add: [{ value: '@acmecares' }] });
    stream = await client.v2.searchStream({ 'tweet.fields': ['entities'] });
    const got: TweetV2SingleStreamResult[] = [];
    stream.on(ETwitterStreamEvent.Data, (d: TweetV2SingleStreamResult) => got.push(d));
    await eventually(() => sim.stats().streamConnections === 1, {
      timeoutMs: 5000,
      what: 'stream connected',
    });

    const raw = '@acmecares Q&A <today>: is 5 > 4? see https://acme.com/faq';
    const t = sim.injectTweet({ text: raw, authorHandle: 'omar' });
    const escaped = t.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(escaped).toMatch(
      /^@acmecares Q&amp;A &lt;today&gt;: is 5 &gt; 4\? see https:\/\/t\.co\/[A-Za-z0-9]{10}$/,
    );

    await eventually(() => got.length === 1, { timeoutMs: 5000, what: 'the tweet on the stream' });
    expect(got[0].data.text).toBe(escaped);
    expect((await client.v2.singleTweet(t.id)).data.text).toBe(escaped);
    expect((await client.v2.tweets([t.id])).data[0].text).toBe(escaped);
    expect((await client.v2.userMentionTimeline(ACME_BRAND.care.id)).tweets[0].text).toBe(escaped);
    expect((await client.v2.search('Q')).tweets[0].text).toBe(escaped);
    expect((await care().v2.reply('Yes & no <3', t.id)).data.text).toBe('@omar Yes &amp; no &lt;3');

    const simRead = (await (await fetch(`${sim.url}/sim/tweets/${t.id}`)).json()) as {
      data: { text: string };
    };
    expect(simRead.data.text).toBe(t.text);
  });

  it('wraps links in DMs, with entities on request, and leaves DM text unescaped', async () => {
    const dm = sim.injectDm({
      fromHandle: 'lena',
      toHandle: 'acmecares',
      text: 'Q&A: <see> https://acme.com/help',
    });
    expect(dm.text).toMatch(/^Q&A: <see> https:\/\/t\.co\/[A-Za-z0-9]{10}$/);
    await care().v2.sendDmToParticipant(dm.sender_id, { text: `here: ${LONG_LINK}` });

    const events = await care().v2.listDmEvents({ 'dm_event.fields': ['entities', 'sender_id'] });
    const byText = events.events.map((e) => ('text' in e ? e.text : ''));
    expect(byText[1]).toBe(dm.text);
    expect(byText[0]).toMatch(/^here: https:\/\/t\.co\/[A-Za-z0-9]{10}$/);
    const entities = (
      events.events[0] as unknown as { entities: { urls: Array<{ expanded_url: string; url: string }> } }
    ).entities;
    expect(entities.urls).toEqual([
      expect.objectContaining({ expanded_url: LONG_LINK, url: byText[0].slice(6) }),
    ]);
  });

  /** Every id a timeline serves, following next_token at 100 a page. */
  const pageAll = async (path: string): Promise<string[]> => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 40; page++) {
      const query = new URLSearchParams({
        max_results: '100',
        ...(token ? { pagination_token: token } : {}),
      });
      const res = await fetch(`${sim.url}${path}?${query}`, { headers: { authorization: 'Bearer app' } });
      const body = (await res.json()) as { data?: Array<{ id: string }>; meta: { next_token?: string } };
      seen.push(...(body.data ?? []).map((t) => t.id));
      token = body.meta.next_token;
      if (!token) {
        break;
      }
    }

    return seen;
  };

  it('pages a user timeline back to the 3,200 most recent tweets, mentions to the 800 most recent, and no further', async () => {
    const author = sim.store.ensureUser('prolific');
    const ids: string[] = [];
    for (let i = 0; i < USER_TIMELINE_DEPTH + 10; i++) {
      ids.push(sim.store.createTweet({ authorId: author.id, text: `post ${i}`, source: 'sim' }).id);
    }
    const seen = await pageAll(`/2/users/${author.id}/tweets`);
    expect(seen).toHaveLength(USER_TIMELINE_DEPTH);
    expect(seen).toEqual(ids.slice(10).reverse());
    expect(await pageAll(`/2/users/${ACME_BRAND.care.id}/mentions`)).toEqual([]);
    const fan = sim.store.ensureUser('fan');
    const mentions = Array.from(
      { length: MENTIONS_TIMELINE_DEPTH + 5 },
      (_, i) => sim.store.createTweet({ authorId: fan.id, text: `@acmecares hi ${i}`, source: 'sim' }).id,
    );
    expect(await pageAll(`/2/users/${ACME_BRAND.care.id}/mentions`)).toEqual(mentions.slice(5).reverse());
    const tooMany = await fetch(`${sim.url}/2/users/${author.id}/tweets?max_results=101`, {
      headers: { authorization: 'Bearer app' },
    });
    expect(tooMany.status).toBe(400);
  });

  it('pages DM events of the last 30 days newest first with pagination_token', async () => {
    const old = sim.injectDm({ fromHandle: 'paul', toHandle: 'acmecares', text: 'from last season' });
    old.created_at = new Date(Date.now() - 31 * 86_400_000).toISOString();
    for (let i = 0; i < 7; i++) {
      sim.injectDm({ fromHandle: 'paul', toHandle: 'acmecares', text: `message ${i}` });
    }
    const first = await care().v2.listDmEvents({ max_results: 5 });
    expect(first.events.map((e) => ('text' in e ? e.text : ''))).toEqual([
      'message 6',
      'message 5',
      'message 4',
      'message 3',
      'message 2',
    ]);
    expect(first.meta.next_token).toBeDefined();
    const rest = await first.next();
    expect(rest.events.map((e) => ('text' in e ? e.text : ''))).toEqual(['message 1', 'message 0']);
    expect(rest.meta.next_token).toBeUndefined();
  });
});
