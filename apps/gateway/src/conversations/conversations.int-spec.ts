import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { GatewayHarness } from '../testing/gateway-harness';

const PAGE = `query($first: Int, $filter: ConversationFilter) {
  conversations(first: $first, filter: $filter) {
    edges { cursor node {
      id status channel priority
      queue { id name } assignee { id name } customer { handle }
      messages { id direction text createdAt }
    } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

const REPLY = `mutation($id: ID!, $text: String!) { reply(conversationId: $id, text: $text) { id direction text } }`;

interface Page {
  conversations: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        status: string;
        queue: { id: string; name: string } | null;
        assignee: { id: string; name: string } | null;
        customer: { handle: string };
        messages: Array<{ direction: string; text: string }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

describe('gateway conversations (queries, DataLoaders, reply)', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('returns a supervisor the brand’s page, with queue and assignee names from ONE GetQueues and ONE GetAgents', async () => {
    const { supA, qA1, qA2, agentA, conversations } = gw.fx;
    // The gateway reads a caller's current profile once (CurrentAccess): done before counting.
    await gw.http('{ me { id } }', { token: gw.token(gw.fx.supA) });
    const before = { queues: gw.upstream.count(Rpc.GetQueues), agents: gw.upstream.count(Rpc.GetAgents) };

    const res = await gw.http<Page>(PAGE, { token: gw.token(supA) });

    expect(res.body.errors).toBeUndefined();
    const page = res.body.data!.conversations;
    expect(page.totalCount).toBe(4);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: conversations[3]!.id });
    expect(page.edges.map((e) => e.node.id)).toEqual(conversations.map((c) => c.id));
    expect(page.edges[0]!.node).toMatchObject({
      status: 'ASSIGNED',
      queue: { id: qA1.id, name: qA1.name },
      assignee: { id: agentA.id, name: agentA.name },
      customer: { handle: 'customer1' },
      messages: [{ direction: 'INBOUND', text: '@acmecares order 1 is late' }],
    });
    expect(page.edges[1]!.node.assignee).toBeNull();
    expect(page.edges[2]!.node).toMatchObject({ queue: { name: qA2.name }, assignee: { name: supA.name } });

    expect(gw.upstream.count(Rpc.GetQueues) - before.queues).toBe(1);
    expect(gw.upstream.count(Rpc.GetAgents) - before.agents).toBe(1);
    expect(new Set(gw.upstream.last(Rpc.GetQueues)!.ids)).toEqual(new Set([qA1.id, qA2.id]));
    expect(gw.upstream.last(Rpc.ListConversations)).toEqual({ brandId: supA.brandId, first: 25 });
  });

  it('restricts an agent to their queues and assignments (visibleQueueIds from the token)', async () => {
    const { agentA, qA1 } = gw.fx;

    const res = await gw.http<Page>(PAGE, { token: gw.token(agentA) });

    expect(res.body.errors).toBeUndefined();
    expect(gw.upstream.last(Rpc.ListConversations)).toMatchObject({
      brandId: agentA.brandId,
      visibleQueueIds: [qA1.id],
    });
    expect(res.body.data!.conversations.edges.every((e) => e.node.queue?.id === qA1.id)).toBe(true);
  });

  it('caps `first` at 100 and refuses an agent filtering on a queue that is not theirs', async () => {
    const { supA, agentA, qA2 } = gw.fx;

    await gw.http<Page>(PAGE, { token: gw.token(supA), variables: { first: 5000 } });
    expect(gw.upstream.last(Rpc.ListConversations)?.first).toBe(100);

    const res = await gw.http<Page>(PAGE, {
      token: gw.token(agentA),
      variables: { filter: { queueId: qA2.id } },
    });
    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });
  });

  it('answers conversation(id) with null when the agent may not see it', async () => {
    const { agentA, conversations } = gw.fx;
    const query = 'query($id: ID!) { conversation(id: $id) { id } }';
    const token = gw.token(agentA);

    const mine = await gw.http(query, { token, variables: { id: conversations[0]!.id } });
    const otherQueue = await gw.http(query, { token, variables: { id: conversations[2]!.id } });
    const unknown = await gw.http(query, { token, variables: { id: randomUUID() } });

    expect(mine.body).toEqual({ data: { conversation: { id: conversations[0]!.id } } });
    expect(otherQueue.body).toEqual({ data: { conversation: null } });
    expect(unknown.body).toEqual({ data: { conversation: null } });
  });

  it('serves a follower count beyond 32 bits (X counts pass 2^31; GraphQL Int would refuse it)', async () => {
    const { supA, conversations } = gw.fx;
    const target = conversations[0]!;
    const before = target.customer.followersCount;
    target.customer.followersCount = 3_000_000_000;
    try {
      const res = await gw.http<{ conversation: { customer: { followersCount: number } } }>(
        'query($id: ID!) { conversation(id: $id) { customer { followersCount } } }',
        { token: gw.token(supA), variables: { id: target.id } },
      );
      expect(res.body).toEqual({ data: { conversation: { customer: { followersCount: 3_000_000_000 } } } });
    } finally {
      target.customer.followersCount = before;
    }
  });

  it('replies with brand, agent and initials from the token and the Idempotency-Key header', async () => {
    const { agentA, conversations } = gw.fx;

    const res = await gw.http(REPLY, {
      token: gw.token(agentA),
      variables: { id: conversations[0]!.id, text: 'Sorry! Checking now.' },
      headers: { 'Idempotency-Key': 'retry-key-0001' },
    });

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({ reply: { direction: 'OUTBOUND', text: 'Sorry! Checking now.' } });
    expect(gw.upstream.last(Rpc.Reply)).toEqual({
      brandId: agentA.brandId,
      conversationId: conversations[0]!.id,
      agentId: agentA.id,
      agentInitials: agentA.initials,
      text: 'Sorry! Checking now.',
      idempotencyKey: 'retry-key-0001',
    });
  });

  it('maps a domain error from conversations to extensions.code and details, without a stack, on both transports', async () => {
    const { supA, conversations } = gw.fx;
    const original = gw.upstream.reply;
    gw.upstream.reply = async () => {
      throw new DomainError(ErrorCode.BadUserInput, 'reply is longer than 280 weighted characters', {
        reason: 'REPLY_TOO_LONG',
        limit: 280,
        overflow: 12,
      });
    };
    try {
      const token = gw.token(supA);
      const variables = { id: conversations[0]!.id, text: 'x'.repeat(292) };
      const expected = {
        code: 'BAD_USER_INPUT',
        details: { reason: 'REPLY_TOO_LONG', limit: 280, overflow: 12 },
      };

      const http = await gw.http(REPLY, { token, variables });
      expect(http.body.data).toBeNull();
      expect(http.body.errors).toEqual([
        expect.objectContaining({
          message: 'reply is longer than 280 weighted characters',
          path: ['reply'],
          extensions: expected,
        }),
      ]);

      const socket = gw.socket(token);
      const ws = await socket.execute({ query: REPLY, variables });
      expect(ws.errors).toEqual([expect.objectContaining({ path: ['reply'], extensions: expected })]);
      await socket.dispose();
    } finally {
      gw.upstream.reply = original;
    }
  });

  it('hides an unexpected upstream failure behind INTERNAL', async () => {
    const original = gw.upstream.getQueues;
    gw.upstream.getQueues = async () => {
      throw new Error('connection to database lost at 10.0.0.7');
    };
    try {
      const res = await gw.http('{ queues { id } }', { token: gw.token(gw.fx.supA) });

      expect(res.body.errors).toEqual([
        {
          message: 'internal error',
          locations: [{ line: 1, column: 3 }],
          path: ['queues'],
          extensions: { code: 'INTERNAL' },
        },
      ]);
    } finally {
      gw.upstream.getQueues = original;
    }
  });

  it('refuses invalid arguments with BAD_USER_INPUT before calling the service', async () => {
    const before = gw.upstream.count(Rpc.GetConversation);
    const res = await gw.http('{ conversation(id: "not-a-uuid") { id } }', { token: gw.token(gw.fx.supA) });

    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'INVALID_INPUT', field: 'id', fields: [{ field: 'id', constraints: ['isUuid'] }] },
    });
    expect(gw.upstream.count(Rpc.GetConversation)).toBe(before);

    // Nested inputs name the path and every field at fault.
    const nested = await gw.http('{ conversations(first: 0, filter: { queueId: "nope" }) { totalCount } }', {
      token: gw.token(gw.fx.supA),
    });
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        reason: 'INVALID_INPUT',
        field: 'first',
        fields: [
          { field: 'first', constraints: ['min'], message: 'first must not be less than 1' },
          { field: 'filter.queueId', constraints: ['isUuid'], message: 'queueId must be a UUID' },
        ],
      },
    });
  });
});
