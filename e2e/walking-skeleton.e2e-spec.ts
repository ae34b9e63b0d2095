import { eventually } from '@roost/testing';
import type { Client } from 'graphql-ws';
import { startPlatform } from './e2e-env';
import { collect, GraphqlTestClient } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

interface QueueUpdate {
  queueUpdated: {
    queueId: string;
    reason: string;
    conversationId: string | null;
    conversationStatus: string | null;
  };
}

const CONVERSATIONS = `query ($first: Int) {
  conversations(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id status channel priority
      queue { id name }
      assignee { id name }
      customer { handle }
      messages { id direction text createdAt }
    } }
  }
}`;

interface ConversationsResult {
  conversations: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        status: string;
        queue: { id: string; name: string };
        assignee: { id: string; name: string } | null;
        customer: { handle: string };
        messages: Array<{ id: string; direction: string; text: string }>;
      };
    }>;
  };
}

/**
 * Issue 2's walking skeleton, through every service: a tweet on twitter-sim → ingest (via
 * twitter-api-v2) → routing assigns it → conversations stores it → the gateway's `conversations`
 * query returns it and `queueUpdated` pushes it over graphql-ws → `reply` posts through
 * twitter-api-v2, threaded under the customer's tweet on twitter-sim.
 */
describe('walking skeleton: tweet to reply through every service', () => {
  let p: Platform;
  let gql: GraphqlTestClient;
  let socket: Client | undefined;

  beforeAll(async () => {
    p = await startPlatform();
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
  }, 120_000);

  afterAll(async () => {
    await socket?.dispose();
    await p?.stop();
  });

  it('delivers, assigns, lists, pushes and replies', async () => {
    const token = await gql.login('supervisor@acme.example');
    const agentToken = await gql.login('agent1@acme.example');
    socket = gql.socket(token);
    const sub = collect<QueueUpdate>(
      socket,
      `subscription { queueUpdated { queueId reason conversationId conversationStatus } }`,
    );
    await new Promise((r) => setTimeout(r, 300)); // let the subscription register before the tweet

    const text = '@acmecares my parcel is two weeks late, can you check?';
    const tweetId = await p.inject(text, 'walker_jane');

    const pushed = await eventually(
      () => sub.events.find((e) => e.queueUpdated.reason === 'CONVERSATION_ROUTED')?.queueUpdated,
      { timeoutMs: 30_000, what: 'queueUpdated push' },
    );
    expect(sub.errors).toEqual([]);
    expect(pushed.conversationStatus).toBe('ASSIGNED');

    const listed = await gql.request<ConversationsResult>(CONVERSATIONS, { first: 10 }, token);
    expect(listed.errors).toBeUndefined();
    const node = listed.data?.conversations.edges.find((e) => e.node.id === pushed.conversationId)?.node;
    expect(node).toBeDefined();
    expect(node?.customer.handle).toBe('walker_jane');
    expect(node?.messages.map((m) => m.text)).toEqual([text]);
    expect(node?.queue.name).toBe('Care (English)');
    expect(node?.assignee?.name).toBeTruthy();

    const replied = await gql.request<{ reply: { id: string; direction: string; text: string } }>(
      `mutation ($id: ID!, $text: String!) { reply(conversationId: $id, text: $text) { id direction text } }`,
      { id: pushed.conversationId, text: 'Sorry about that! We are checking with the courier now.' },
      agentToken,
    );
    expect(replied.errors).toBeUndefined();
    expect(replied.data?.reply.direction).toBe('OUTBOUND');
    expect(replied.data?.reply.text).toBe('Sorry about that! We are checking with the courier now. ^AB');

    const replies = await eventually(
      async () => {
        const res = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`);
        const body = (await res.json()) as {
          data: Array<{ text: string; author_id: string; in_reply_to_user_id?: string }>;
        };

        return body.data.length > 0 ? body.data : null;
      },
      { what: 'reply visible on twitter-sim' },
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('We are checking with the courier now. ^AB');
    sub.dispose();
  });

  it('refuses a public reply that carries a phone number, with a typed error', async () => {
    const agentToken = await gql.login('agent1@acme.example');
    const listed = await gql.request<ConversationsResult>(CONVERSATIONS, { first: 1 }, agentToken);
    const id = listed.data?.conversations.edges[0]?.node.id;
    expect(id).toBeDefined();
    const refused = await gql.request<unknown>(
      `mutation ($id: ID!, $text: String!) { reply(conversationId: $id, text: $text) { id } }`,
      { id, text: 'Call us on +1 415 555 0134 and we will sort it out' },
      agentToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.details?.reason).toBe('PII_IN_PUBLIC_REPLY');
  });
});
