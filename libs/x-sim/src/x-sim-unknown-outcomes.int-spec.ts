import { createXClient } from '@roost/x-client';
import { ApiResponseError } from 'twitter-api-v2';
import { DUPLICATE_CONTENT } from './routes/reply-policy';
import { ACME_BRAND } from './x-sim.constants';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';
import type { FaultSpec } from './x-sim.types';

const POST_TWEET = 'POST /2/tweets';
const SEND_DM = 'POST /2/dm_conversations/with/:participant_id/messages';

async function failure(p: Promise<unknown>): Promise<ApiResponseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiResponseError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('x-sim unknown outcomes: committed then failed, stalled, failing at a rate', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  const care = () => createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });

  it('creates the tweet, answers 503, and refuses the retry as duplicate content', async () => {
    sim.injectFault({ endpoint: POST_TWEET, status: 503, afterCommit: true });
    const err = await failure(care().v2.tweet('We are back online, thanks for waiting'));
    expect(err.code).toBe(503);
    expect(err.data).toMatchObject({ title: 'Service Unavailable', status: 503 });

    const posted = sim.postsBy('acmecares').tweets;
    expect(posted.map((t) => t.text)).toEqual(['We are back online, thanks for waiting']);
    const timeline = await createXClient({ baseUrl: sim.url, bearerToken: 'app' }).v2.userTimeline(
      ACME_BRAND.care.id,
    );
    expect(timeline.tweets.map((t) => t.id)).toEqual([posted[0].id]);

    const retry = await failure(care().v2.tweet('We are back online, thanks for waiting'));
    expect(retry.code).toBe(403);
    expect(retry.data).toMatchObject({ detail: DUPLICATE_CONTENT });
    expect(sim.stats().pendingFaults).toEqual([]);
  });

  it('stores the DM, then answers the fault; a fault without afterCommit stores nothing', async () => {
    const customer = sim.injectTweet({ text: '@acmecares hello', authorHandle: 'nina' });
    sim.injectFault({ endpoint: SEND_DM, status: 503, afterCommit: true });
    expect(
      (
        await failure(
          care().v2.sendDmToParticipant(customer.author_id, { text: 'Hi Nina, DM us your order' }),
        )
      ).code,
    ).toBe(503);
    sim.injectFault({ endpoint: SEND_DM, status: 500 });
    expect(
      (await failure(care().v2.sendDmToParticipant(customer.author_id, { text: 'second try' }))).code,
    ).toBe(500);

    const events = await care().v2.listDmEvents();
    expect(events.events.map((e) => ('text' in e ? e.text : undefined))).toEqual([
      'Hi Nina, DM us your order',
    ]);
  });

  it('commits, then stalls past the client timeout (a post whose answer never came)', async () => {
    sim.injectFault({ endpoint: POST_TWEET, status: 503, afterCommit: true, stallMs: 60_000 });
    const res = fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sim-user:acmecares', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Your refund is on its way' }),
      signal: AbortSignal.timeout(300),
    });
    await expect(res).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sim.postsBy('acmecares').tweets.map((t) => t.text)).toEqual(['Your refund is on its way']);
  });

  it('a stalled fault without afterCommit answers its status late and creates nothing', async () => {
    const res = await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: POST_TWEET, status: 503, stallMs: 20 }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { pending: unknown[] }).pending).toEqual([
      { endpoint: POST_TWEET, status: 503, remaining: 1, stallMs: 20 },
    ]);
    expect((await failure(care().v2.tweet('not this one'))).code).toBe(503);
    expect(sim.postsBy('acmecares').tweets).toEqual([]);
  });

  it('fails a seeded share of requests until cleared, the same ones for the same seed', async () => {
    const outcomes = async (spec: FaultSpec): Promise<string> => {
      sim.reset();
      sim.injectFault(spec);
      let pattern = '';
      for (let i = 0; i < 24; i++) {
        try {
          await care().v2.tweet(`update number ${i}`);
          pattern += '.';
        } catch (e) {
          pattern += e instanceof ApiResponseError && e.code === 503 ? 'x' : '?';
        }
      }

      return pattern;
    };
    const spec: FaultSpec = { endpoint: POST_TWEET, status: 503, rate: 0.5, seed: 7, afterCommit: true };
    const first = await outcomes(spec);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
    expect(first).not.toMatch(/\?/);
    // afterCommit: every post went through, failed or not.
    expect(sim.postsBy('acmecares').tweets).toHaveLength(24);
    expect(sim.stats().pendingFaults).toEqual([
      { endpoint: POST_TWEET, status: 503, rate: 0.5, afterCommit: true },
    ]);
    expect(await outcomes(spec)).toBe(first);
    expect(await outcomes({ ...spec, seed: 8 })).not.toBe(first);

    sim.clearFaults();
    await expect(care().v2.tweet('all clear')).resolves.toBeDefined();
  });

  it('refuses a rate outside 0..1 on the control API', async () => {
    const res = await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: POST_TWEET, status: 503, rate: 2 }),
    });
    expect(res.status).toBe(400);
  });
});
