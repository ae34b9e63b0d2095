import { randomUUID } from 'node:crypto';
import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient, type GqlResult } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const CREATE = `mutation ($urlOrId: String!) {
  createCaseFromTweet(urlOrId: $urlOrId) {
    tweetId threadTweetIds
    conversation { id customer { handle } messages { text direction } }
  }
}`;
const DETAIL = `query ($id: ID!) {
  conversationDetail(id: $id) {
    replyOptions { public offered }
    conversation { id replyPath messages { text } }
  }
}`;

interface Created {
  createCaseFromTweet: {
    tweetId: string;
    threadTweetIds: string[];
    conversation: {
      id: string;
      customer: { handle: string };
      messages: Array<{ text: string; direction: string }>;
    } | null;
  };
}
interface Detail {
  conversationDetail: {
    replyOptions: { public: boolean; offered: string[] };
    conversation: { id: string; replyPath: string; messages: Array<{ text: string }> };
  };
}

/**
 * Issue 13, "turn any tweet into a case" and "re-decide the reply path", through every service:
 * tweets on twitter-sim → `createCaseFromTweet` (gateway → ingest reads X through twitter-api-v2 →
 * mention.received → routing → conversations) → the case, and later tweets in the thread re-decide
 * whether X lets the brand answer in public.
 */
describe('a tweet no rule caught becomes a case; the reply path follows the latest tweet', () => {
  let p: Platform;
  let gql: GraphqlTestClient;
  /** A supervisor sees every queue, so the case is visible whichever queue routing picks. */
  let supervisor: string;
  let agent: string;
  const customer = `kettle_${randomUUID().slice(0, 6)}`;
  const ids: { first?: string; second?: string; conversation?: string } = {};

  const create = (urlOrId: string, token = supervisor) => gql.request<Created>(CREATE, { urlOrId }, token);
  const detail = async (id: string) => {
    const r = await gql.request<Detail>(DETAIL, { id }, supervisor);
    expect(r.errors).toBeUndefined();

    return r.data!.conversationDetail;
  };
  const errorOf = (r: GqlResult<unknown>) => ({
    code: r.errors?.[0]?.extensions?.code,
    reason: r.errors?.[0]?.extensions?.details?.reason,
  });
  const conversationsOf = async (handle: string) => {
    const { rows } = await p.pg.query<{ id: string }>(
      `SELECT c.id FROM "${p.schema('conversations')}".conversations c
       JOIN "${p.schema('conversations')}".customers cu ON cu.brand_id = c.brand_id AND cu.id = c.customer_id
       WHERE cu.handle = $1`,
      [handle],
    );

    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    p = await startPlatform({ pollIntervalMs: 500 });
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
    supervisor = await gql.login('supervisor@acme.example');
    agent = await gql.login('agent1@acme.example');
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
  });

  it('turns a pasted URL into a case holding the customer’s earlier tweets of the thread', async () => {
    ids.first = await p.inject('Ordered a kettle two weeks ago and it never came', customer);
    const other = await p.inject('same thing happened to me last month', `by_${randomUUID().slice(0, 6)}`, {
      inReplyToTweetId: ids.first,
    });
    ids.second = await p.inject('Still nothing, the tracking page is blank', customer, {
      inReplyToTweetId: other,
    });
    // No listening rule matches these: nothing reaches Roost on its own.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await conversationsOf(customer)).toEqual([]);

    const r = await create(`https://x.com/${customer}/status/${ids.second}?s=20`);
    expect(r.errors).toBeUndefined();
    const made = r.data!.createCaseFromTweet;
    expect(made.tweetId).toBe(ids.second);
    expect(made.threadTweetIds).toEqual([ids.first, ids.second]);
    expect(made.conversation?.customer.handle).toBe(customer);
    ids.conversation = made.conversation!.id;
    // The thread's earlier tweet by the customer is in the case; the bystander's is not.
    const d = await eventually(
      async () => {
        const x = await detail(ids.conversation!);

        return x.conversation.messages.length === 2 ? x : null;
      },
      { what: 'both customer tweets in the case' },
    );
    expect(d.conversation.messages.map((m) => m.text)).toEqual([
      'Ordered a kettle two weeks ago and it never came',
      // X puts the @handle of the author replied to in front (here the bystander, not the brand).
      expect.stringMatching(/^@by_\w+ Still nothing, the tracking page is blank$/),
    ]);
    // Neither tweet mentions or quotes the brand: X would refuse an API reply in public.
    expect(d.replyOptions.public).toBe(false);
    expect(d.conversation.replyPath).toBe('manual');
    expect(await conversationsOf(customer)).toEqual([ids.conversation]);
    // The agent's action is in the audit log, written with the message.
    const audit = await p.pg.query<{ actor_id: string | null; details: { tweetId: string } }>(
      `SELECT actor_id, details FROM "${p.schema('conversations')}".audit_log
       WHERE action = 'case.created_from_tweet' AND conversation_id = $1`,
      [ids.conversation],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.actor_id).not.toBeNull();
    expect(audit.rows[0]!.details.tweetId).toBe(ids.second);
  });

  it('answers the same tweet, pasted again in any form, with the same case', async () => {
    for (const form of [
      `https://twitter.com/${customer}/status/${ids.second}`,
      `  ${ids.second}  `,
      `https://mobile.x.com/i/web/status/${ids.first}`,
    ]) {
      const again = await create(form);
      expect(again.errors).toBeUndefined();
      expect(again.data!.createCaseFromTweet.conversation?.id).toBe(ids.conversation);
    }
    // An agent may do it too (agents and above); same case.
    const byAgent = await create(ids.second!, agent);
    expect(byAgent.errors).toBeUndefined();
    expect(byAgent.data!.createCaseFromTweet.tweetId).toBe(ids.second);
    expect(await conversationsOf(customer)).toEqual([ids.conversation]);
    const { rows } = await p.pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${p.schema('conversations')}".messages WHERE brand_id = (
         SELECT brand_id FROM "${p.schema('conversations')}".conversations WHERE id = $1) AND conversation_id = $1`,
      [ids.conversation],
    );
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('re-decides the reply path on every new public message of the customer', async () => {
    // A later tweet in the thread that mentions the brand: the stream catches it, and now X allows a public reply.
    const mentioning = await p.inject('@acmecares can you help please?', customer, {
      inReplyToTweetId: ids.second!,
    });
    await eventually(
      async () => {
        const d = await detail(ids.conversation!);

        return (
          d.conversation.messages.length === 3 &&
          d.replyOptions.public &&
          d.conversation.replyPath === 'public'
        );
      },
      { timeoutMs: 30_000, what: 'public reply allowed after a mention' },
    );
    // Then a tweet that names the brand without @ (caught by the keyword rule): no public reply to that one.
    await p.inject('hello?? acme anyone there', customer, { inReplyToTweetId: mentioning });
    const after = await eventually(
      async () => {
        const d = await detail(ids.conversation!);

        return d.conversation.messages.length === 4 ? d : null;
      },
      { timeoutMs: 30_000, what: 'the fourth message' },
    );
    expect(after.conversation.replyPath).toBe('manual');
    expect(after.replyOptions.public).toBe(false);
    expect(after.replyOptions.offered).not.toContain('PUBLIC');
    expect(await conversationsOf(customer)).toEqual([ids.conversation]);
  });

  it("makes a quote of the brand's post answerable in public (the quoted post's author decides)", async () => {
    const brandPost = await p.inject('Our new tracking page is live', 'acmecares');
    const quoter = `quoter_${randomUUID().slice(0, 6)}`;
    const quote = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'it shows nothing for my order',
        authorHandle: quoter,
        quoteTweetId: brandPost,
      }),
    });
    const quoteId = ((await quote.json()) as { id: string }).id;
    const r = await create(quoteId);
    expect(r.errors).toBeUndefined();
    const d = await detail(r.data!.createCaseFromTweet.conversation!.id);
    expect(d.conversation.replyPath).toBe('public');
    expect(d.replyOptions.public).toBe(true);

    // Quoting someone else's post while replying to the brand does not allow it.
    const other = await p.inject('hot take about parcels', `other_${randomUUID().slice(0, 6)}`);
    const quote2 = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'this',
        authorHandle: `q2_${randomUUID().slice(0, 6)}`,
        quoteTweetId: other,
      }),
    });
    const r2 = await create(((await quote2.json()) as { id: string }).id);
    expect(r2.errors).toBeUndefined();
    const d2 = await detail(r2.data!.createCaseFromTweet.conversation!.id);
    expect(d2.conversation.replyPath).toBe('manual');
  });

  it('refuses a malformed URL, an unknown or deleted tweet and the brand’s own tweet with typed errors', async () => {
    for (const bad of [
      'not a tweet',
      'https://x.com/jane',
      'https://example.com/jane/status/123',
      '12a',
      '0',
    ]) {
      expect(errorOf(await create(bad))).toEqual({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_TWEET_REF' });
    }
    expect(errorOf(await create('https://x.com/nobody/status/1234567890123'))).toEqual({
      code: 'NOT_FOUND',
      reason: 'TWEET_NOT_FOUND',
    });
    const gone = await p.inject('I will delete this', `deleter_${randomUUID().slice(0, 6)}`);
    await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${gone}/delete`, { method: 'POST' });
    expect(errorOf(await create(gone))).toEqual({ code: 'NOT_FOUND', reason: 'TWEET_NOT_FOUND' });
    const shy = `shy_${randomUUID().slice(0, 6)}`;
    const hidden = await p.inject('my account goes private now', shy);
    await fetch(`${p.stack.url('twitter-sim')}/sim/users/${shy}/protect`, { method: 'POST' });
    expect(errorOf(await create(hidden))).toEqual({ code: 'NOT_FOUND', reason: 'TWEET_PROTECTED' });
    const own = await p.inject('We are here 9-5 every day', 'acmecares');
    expect(errorOf(await create(own))).toEqual({ code: 'BAD_USER_INPUT', reason: 'OWN_TWEET' });
  });

  it('answers UPSTREAM_UNAVAILABLE when X fails, and nothing is published', async () => {
    const tweet = await p.inject('my blender smokes', `smoker_${randomUUID().slice(0, 6)}`);
    const armed = await fetch(`${p.stack.url('twitter-sim')}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'GET /2/tweets/:id', status: 503, count: 1 }),
    });
    expect(armed.status).toBe(201);
    expect(errorOf(await create(tweet)).code).toBe('UPSTREAM_UNAVAILABLE');
    // The agent tries again once X is back: one case.
    const ok = await create(tweet);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createCaseFromTweet.conversation).not.toBeNull();
  });

  it('needs a credential', async () => {
    const r = await gql.request<Created>(CREATE, { urlOrId: '123' });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
