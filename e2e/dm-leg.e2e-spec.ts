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
  messages: Array<{ id: string; direction: string; channel: string; text: string; status: string }>;
}

const CONVERSATIONS = `query {
  conversations(first: 100) { edges { node {
    id status
    assignee { id email }
    customer { handle }
    messages { id direction channel text status }
  } } }
}`;
const AGENTS = `query { agents { id email load } }`;

interface SimTweet {
  id: string;
  text: string;
  author_id: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
}

/**
 * Issue 13's acceptance, through the public API only: the care playbook (answer in public, move
 * personal data to DM, close the loop in public) is one case. A public tweet is assigned; the agent
 * moves it to DM; the customer answers by DM and the DM is a message of that same conversation,
 * for the same agent, holding one slot; the agent's reply goes back by DM; resolving posts the
 * public follow-up under the customer's original tweet and frees the one slot.
 */
describe('the DM leg stays in the case (public API, every service)', () => {
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

  async function loadOf(agentId: string, token: string): Promise<number> {
    const res = await gql.request<{ agents: Array<{ id: string; load: number }> }>(AGENTS, {}, token);
    expect(res.errors).toBeUndefined();

    return res.data?.agents.find((a) => a.id === agentId)?.load ?? -1;
  }

  it('public tweet → move to DM → customer DM joins the same conversation → reply by DM → resolve with a public follow-up', async () => {
    const supervisor = await gql.login('supervisor@acme.example');
    const handle = `dmleg_${randomUUID().slice(0, 6)}`;
    const tweetId = await p.inject('@acmecares my order arrived broken, can you help?', handle);

    const opened = await eventually(
      async () => (await casesOf(handle, supervisor)).find((c) => c.assignee !== null) ?? null,
      { timeoutMs: 30_000, what: 'the public tweet assigned' },
    );
    const assignee = opened.assignee;
    if (!assignee) throw new Error('unassigned');
    const agent = await gql.login(assignee.email);
    const loadBefore = await loadOf(assignee.id, supervisor);
    expect(loadBefore).toBeGreaterThanOrEqual(1);

    const moved = await gql.request<{ moveToDm: { invitation: { id: string }; dm: { channel: string } } }>(
      `mutation ($id: ID!) { moveToDm(conversationId: $id,
         invitation: "Sorry to hear that! We have sent you a DM so we can look at your order.",
         dmText: "Hi! Could you send us your order number and e-mail address here?") {
         invitation { id } dm { channel } } }`,
      { id: opened.id },
      agent,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveToDm.dm.channel).toBe('DM');

    const dmText = 'Order 88412, jane.doe@example.com';
    const dm = await fetch(`${p.stack.url('twitter-sim')}/sim/dms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fromHandle: handle, toHandle: 'acmecares', text: dmText }),
    });
    expect(dm.status).toBe(201);

    const joined = await eventually(
      async () => {
        const cases = await casesOf(handle, supervisor);
        const withDm = cases.find((c) => c.messages.some((m) => m.text === dmText));

        return withDm ? { cases, withDm } : null;
      },
      { timeoutMs: 30_000, what: 'the customer’s DM stored' },
    );
    expect(joined.cases).toHaveLength(1);
    expect(joined.withDm.id).toBe(opened.id);
    expect(joined.withDm.assignee?.id).toBe(assignee.id);
    expect(joined.withDm.messages.find((m) => m.text === dmText)).toMatchObject({
      direction: 'INBOUND',
      channel: 'DM',
    });
    expect(await loadOf(assignee.id, supervisor)).toBe(loadBefore);

    // The customer last wrote by DM: the agent's reply answers there, never in public.
    const replied = await gql.request<{ reply: { channel: string } }>(
      `mutation ($id: ID!) { reply(conversationId: $id, text: "Thank you, a replacement is on its way.") { channel } }`,
      { id: opened.id },
      agent,
    );
    expect(replied.errors).toBeUndefined();
    expect(replied.data?.reply.channel).toBe('DM');
    // Unless the agent chooses the channel (the console's Public tab does).
    const inPublic = await gql.request<{ reply: { channel: string } }>(
      `mutation ($id: ID!) { reply(conversationId: $id, channel: PUBLIC, text: "We are on it in DM, thanks for bearing with us.") { channel } }`,
      { id: opened.id },
      agent,
    );
    expect(inPublic.errors).toBeUndefined();
    expect(inPublic.data?.reply.channel).toBe('PUBLIC');

    const followUp = 'All sorted in DM, thanks for your patience!';
    const resolved = await gql.request<{ resolveConversation: unknown }>(
      `mutation ($id: ID!, $followUp: String!) { resolveConversation(conversationId: $id, followUp: $followUp) { __typename } }`,
      { id: opened.id, followUp },
      agent,
    );
    expect(resolved.errors).toBeUndefined();

    const underOriginal = await eventually(
      async () => {
        const res = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`);
        const body = (await res.json()) as { data: SimTweet[] };
        const found = body.data.find((t) => t.text.includes(followUp));

        return found ? body.data : null;
      },
      { timeoutMs: 20_000, what: 'the follow-up under the original tweet' },
    );
    // The invitation and the follow-up, both threaded under the customer's public tweet; no DM text in public.
    expect(underOriginal.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('We have sent you a DM'),
        expect.stringContaining(followUp),
      ]),
    );
    expect(underOriginal.some((t) => t.text.includes('replacement'))).toBe(false);
    await eventually(async () => (await loadOf(assignee.id, supervisor)) === loadBefore - 1, {
      timeoutMs: 20_000,
      what: 'the one slot freed',
    });
    const final = await casesOf(handle, supervisor);
    expect(final).toHaveLength(1);
    expect(final[0]?.status).toBe('RESOLVED');
  }, 120_000);
});
