import { eventually } from '@roost/testing';
import { Registry } from 'prom-client';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

const BRAND = '0a9f2c1e-7b1d-4c55-9d3e-acbe00000001';

describe('recent-search poller against twitter-sim', () => {
  let bed: IngestTestBed;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '600000' });
    await bed.startApp({ search: true });
    await eventually(() => bed.cursor('search', 'q0'), { what: 'first search cursor' }).catch(
      () => undefined,
    );
  });

  afterAll(async () => {
    await bed?.close();
  });

  async function stored(id: string) {
    return eventually(async () => (await bed.ledger()).find((r) => r.tweet_id === id), {
      timeoutMs: 15_000,
      what: `tweet ${id} stored`,
    });
  }

  it('finds untagged names, misspellings and purchase intent, recording the rules that matched', async () => {
    const name = bed.sim.injectTweet({ text: 'acme rocket skates exploded again', authorHandle: 'wile' });
    const variant = bed.sim.injectTweet({ text: 'never buying acmee again', authorHandle: 'wile2' });
    const intent = bed.sim.injectTweet({
      text: 'where can I buy good rocket skates?',
      authorHandle: 'shopper',
      lang: 'en',
    });
    const es = bed.sim.injectTweet({
      text: '¿Dónde comprar patines cohete?',
      authorHandle: 'comprador',
      lang: 'es',
    });
    const tag = bed.sim.injectTweet({ text: 'thanks #acmecares!', authorHandle: 'fan' });
    const noise = bed.sim.injectTweet({ text: 'nothing to see here', authorHandle: 'rando' });
    const tags = async (id: string) => (await stored(id)).payload.matchedRules.map((r) => r.tag).sort();
    expect(await tags(name.id)).toEqual(['keyword:acme']);
    expect(await tags(variant.id)).toEqual(['misspelling:acmee']);
    expect(await tags(intent.id)).toEqual(['purchase_intent:where can I buy']);
    expect(await tags(es.id)).toEqual(['purchase_intent:dónde comprar']);
    expect(await tags(tag.id)).toEqual(['hashtag:acmecares']);
    expect((await stored(name.id)).source).toBe('search');
    expect((await bed.ledger()).some((r) => r.tweet_id === noise.id)).toBe(false);
    // The cursor is advanced only after the page's tweets are in the ledger, so it may trail them.
    await eventually(() => bed.cursor('search', 'q0'), { what: 'search cursor advanced past the page' });
  });

  it('drops the brand’s own posts and excluded retweets', async () => {
    const own = bed.sim.injectTweet({ text: 'acme news: new skates', authorHandle: 'acme' });
    const after = bed.sim.injectTweet({ text: 'acme anvils are great', authorHandle: 'fan2' });
    await stored(after.id);
    expect((await bed.ledger()).some((r) => r.tweet_id === own.id)).toBe(false);
  });

  it('reports spend per brand in Prometheus', async () => {
    const text = await bed.app!.get(Registry).metrics();
    expect(text).toMatch(
      new RegExp(`roost_ingest_x_cost_credits_total\\{brand="${BRAND}",source="search"[^}]*\\} [1-9]`),
    );
    expect(text).toMatch(
      new RegExp(`roost_ingest_x_spend_forecast_credits\\{brand="${BRAND}"[^}]*\\} [0-9.e+]+`),
    );
  });
});

describe('X budget: low-value search slows before mentions', () => {
  let bed: IngestTestBed;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('pauses keyword search at 80% of the monthly budget while mentions keep flowing', async () => {
    for (let i = 0; i < 10; i++) bed.sim.injectTweet({ text: `acme thing ${i}`, authorHandle: `early${i}` });
    // 10 credits a month; the first search page alone costs 10 posts read.
    await bed.startApp({ search: true, monthlyBudgetCredits: 10 });
    await eventually(() => bed.cursor('search', 'q0'), { what: 'first search' });
    const keyword = bed.sim.injectTweet({ text: 'acme skates, anyone?', authorHandle: 'late_kw' });
    const mention = bed.sim.injectTweet({ text: '@acmecares my skates broke', authorHandle: 'late_mention' });
    await eventually(async () => (await bed.ledger()).some((r) => r.tweet_id === mention.id), {
      what: 'mention still polled',
    });
    await new Promise((r) => setTimeout(r, 600)); // several search intervals
    expect((await bed.ledger()).some((r) => r.tweet_id === keyword.id && r.source === 'search')).toBe(false);
  });
});
