import { randomUUID } from 'node:crypto';
import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

interface Node {
  id: string;
  status: string;
  assignee: { id: string; email: string } | null;
  customer: { handle: string };
  messages: Array<{ id: string; direction: string; channel: string; text: string }>;
}

const CONVERSATIONS = `query {
  conversations(first: 100) { edges { node {
    id status
    assignee { id email }
    customer { handle }
    messages { id direction channel text }
  } } }
}`;
const AGENTS = `query { agents { id email load } }`;
const SUGGESTIONS = `query ($id: ID!) { caseSuggestions(conversationId: $id) { conversationId reason version channel } }`;
const MERGE = `mutation ($target: ID!, $source: ID!, $v: Int) {
  mergeConversations(targetId: $target, sourceId: $source, expectedVersion: $v) {
    target { conversationId status } source { conversationId status } } }`;

/**
 * Issue 13, stitching and merging through the public API and every service: one customer writes
 * about one problem in a tweet, a quote of it and a DM; each opened a case. The quote and the DM
 * are suggested as the same case and merged into the first: their slots are freed, later messages
 * of the quote's thread and later DMs join the first case, and metrics counts one conversation
 * with one response cycle from the earliest opening. Then a message is split out into a new case,
 * routed like any new one, and metrics follows it.
 */
describe('stitching, merge and split (public API, every service)', () => {
  let p: Platform;
  let gql: GraphqlTestClient;

  beforeAll(async () => {
    p = await startPlatform();
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
  });

  async function casesOf(handle: string, token: string): Promise<Node[]> {
    const res = await gql.request<{ conversations: { edges: Array<{ node: Node }> } }>(
      CONVERSATIONS,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();

    return (res.data?.conversations.edges ?? [])
      .map((e) => e.node)
      .filter((n) => n.customer.handle === handle);
  }

  async function totalLoad(token: string): Promise<number> {
    const res = await gql.request<{ agents: Array<{ load: number }> }>(AGENTS, {}, token);
    expect(res.errors).toBeUndefined();

    return (res.data?.agents ?? []).reduce((n, a) => n + a.load, 0);
  }

  async function dm(handle: string, text: string): Promise<void> {
    const res = await fetch(`${p.stack.url('twitter-sim')}/sim/dms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fromHandle: handle, toHandle: 'acmecares', text }),
    });
    expect(res.status).toBe(201);
  }

  async function tweet(body: Record<string, string>): Promise<string> {
    const res = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);

    return ((await res.json()) as { id: string }).id;
  }

  const metricsRows = async (sql: string, params: unknown[]) =>
    (await p.pg.query(sql.replaceAll('$schema', `"${p.schema('metrics')}"`), params)).rows;

  it('suggests the quote and the DM as the same case, merges them, routes later messages there, splits one out, and metrics counts each case once', async () => {
    const supervisor = await gql.login('supervisor@acme.example');
    const handle = `stitch_${randomUUID().slice(0, 6)}`;
    const first = await p.inject('@acmecares my router reboots every hour, please help', handle);
    const a = await eventually(async () => (await casesOf(handle, supervisor))[0] ?? null, {
      timeoutMs: 30_000,
      what: 'the first case',
    });
    const quote = await tweet({
      text: '@acmecares still rebooting, see above',
      authorHandle: handle,
      quoteTweetId: first,
    });
    await eventually(async () => (await casesOf(handle, supervisor)).length === 2, {
      timeoutMs: 30_000,
      what: 'the quote’s case',
    });
    await dm(handle, 'Hello, about my router again');
    const three = await eventually(
      async () => {
        const cases = await casesOf(handle, supervisor);

        return cases.length === 3 ? cases : null;
      },
      { timeoutMs: 30_000, what: 'the DM’s case' },
    );
    const b = three.find((c) => c.messages.some((m) => m.text.includes('still rebooting')))!;
    const c = three.find((x) => x.messages.some((m) => m.channel === 'DM'))!;
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);

    const suggested = await gql.request<{
      caseSuggestions: Array<{ conversationId: string; reason: string; version: number }>;
    }>(SUGGESTIONS, { id: a.id }, supervisor);
    expect(suggested.errors).toBeUndefined();
    const reasons = Object.fromEntries(
      (suggested.data?.caseSuggestions ?? []).map((s) => [s.conversationId, s.reason]),
    );
    expect(reasons).toEqual({ [b.id]: 'QUOTE', [c.id]: 'DM' });
    // Newest first: the DM.
    expect(suggested.data?.caseSuggestions[0]?.conversationId).toBe(c.id);

    // Bad input is refused with a typed error and moves nothing.
    const self = await gql.request(MERGE, { target: a.id, source: a.id }, supervisor);
    expect(self.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'MERGE_INTO_ITSELF' },
    });
    const stale = await gql.request(MERGE, { target: a.id, source: b.id, v: 999 }, supervisor);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const missing = await gql.request(MERGE, { target: a.id, source: randomUUID() }, supervisor);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const loadBefore = await totalLoad(supervisor);
    const bVersion = suggested.data?.caseSuggestions.find((s) => s.conversationId === b.id)?.version;
    for (const [source, v] of [
      [b.id, bVersion],
      [c.id, undefined],
    ] as const) {
      const merged = await gql.request<{ mergeConversations: { source: { status: string } } }>(
        MERGE,
        { target: a.id, source, v },
        supervisor,
      );
      expect(merged.errors).toBeUndefined();
      expect(merged.data?.mergeConversations.source.status).toBe('RESOLVED');
    }
    await eventually(async () => (await totalLoad(supervisor)) === loadBefore - 2, {
      timeoutMs: 20_000,
      what: 'the two merged cases’ slots freed',
    });
    const merged = (await casesOf(handle, supervisor)).find((x) => x.id === a.id)!;
    expect(merged.messages).toHaveLength(3);
    expect(merged.assignee?.id).toBe(a.assignee?.id);

    // Later messages of the merged cases join the target: a reply in the quote's thread, and a DM.
    await tweet({
      text: '@acmecares it did it again just now',
      authorHandle: handle,
      inReplyToTweetId: quote,
    });
    await dm(handle, 'Model RX-100, bought in March');
    const joined = await eventually(
      async () => {
        const cases = await casesOf(handle, supervisor);
        const target = cases.find((x) => x.id === a.id);

        return target && target.messages.length === 5 ? cases : null;
      },
      { timeoutMs: 30_000, what: 'the later tweet and DM in the target' },
    );
    expect(joined.filter((x) => x.status !== 'RESOLVED').map((x) => x.id)).toEqual([a.id]);
    expect(await totalLoad(supervisor)).toBe(loadBefore - 2);

    // Metrics: one conversation (the merged ones count no more), one response cycle from the first tweet.
    const aFacts = await eventually(
      async () => {
        const rows = await metricsRows(
          `SELECT conversation_id, inbound FROM $schema.conversation_facts WHERE conversation_id = ANY($1::uuid[])`,
          [[a.id, b.id, c.id]],
        );

        return rows.length === 1 && rows[0].inbound === 5 ? rows : null;
      },
      { timeoutMs: 30_000, what: 'metrics folded the merges' },
    );
    expect(aFacts[0].conversation_id).toBe(a.id);
    const cycles = await metricsRows(
      `SELECT conversation_id FROM $schema.response_cycles WHERE conversation_id = ANY($1::uuid[])`,
      [[a.id, b.id, c.id]],
    );
    expect(cycles).toEqual([{ conversation_id: a.id }]);

    // Split the quote back out: a new case of the same customer and queue, routed as any new one.
    const quoteMessage = merged.messages.find((m) => m.text.includes('still rebooting'))!;
    const split = await gql.request<{
      splitConversation: { created: { conversationId: string; status: string } };
    }>(
      `mutation ($id: ID!, $m: ID!) { splitConversation(conversationId: $id, messageId: $m) { created { conversationId status } } }`,
      { id: a.id, m: quoteMessage.id },
      supervisor,
    );
    expect(split.errors).toBeUndefined();
    const n = split.data?.splitConversation.created.conversationId ?? '';
    expect(['ASSIGNED', 'WAITING']).toContain(split.data?.splitConversation.created.status);
    const after = await casesOf(handle, supervisor);
    expect(after.find((x) => x.id === n)?.messages.map((m) => m.id)).toEqual([quoteMessage.id]);
    expect(after.find((x) => x.id === a.id)?.messages.some((m) => m.id === quoteMessage.id)).toBe(false);
    const history = await gql.request<{
      conversationDetail: { links: Array<{ kind: string; conversationId: string }> };
    }>(
      `query ($id: ID!) { conversationDetail(id: $id) { links { kind conversationId } } }`,
      { id: a.id },
      supervisor,
    );
    expect(history.data?.conversationDetail.links.map((l) => [l.kind, l.conversationId])).toEqual([
      ['MERGED_FROM', b.id],
      ['MERGED_FROM', c.id],
      ['SPLIT_TO', n],
    ]);
    await eventually(
      async () => {
        const rows = await metricsRows(
          `SELECT conversation_id, inbound FROM $schema.conversation_facts WHERE conversation_id = ANY($1::uuid[]) ORDER BY opened_at`,
          [[a.id, n]],
        );

        return rows.length === 2 && rows[0].inbound === 4 && rows[1].inbound === 1 ? rows : null;
      },
      { timeoutMs: 30_000, what: 'metrics followed the split' },
    );
  }, 180_000);
});
