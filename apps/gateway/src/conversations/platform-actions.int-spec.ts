import { ConversationsLive, ConversationsRpc, IngestRpc, LiveEvents, RoutingRpc } from '@roost/contracts';
import { NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { PresencePubSub } from '../subscriptions/presence.pubsub';
import { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';
import { queueUpdate } from '../testing/fixtures';
import { GatewayHarness, type SocketClient } from '../testing/gateway-harness';

/** Every root field that takes a conversation id, as a document over `$id`. */
const BY_CONVERSATION: Array<[string, string]> = [
  ['conversationDetail', 'query($id: ID!) { conversationDetail(id: $id) { version } }'],
  ['sendDm', 'mutation($id: ID!) { sendDm(conversationId: $id, text: "hi") { id } }'],
  [
    'moveToDm',
    'mutation($id: ID!) { moveToDm(conversationId: $id, invitation: "DM us", dmText: "hi") { dm { id } } }',
  ],
  [
    'resolveConversation',
    'mutation($id: ID!) { resolveConversation(conversationId: $id) { result { status } } }',
  ],
  ['addNote', 'mutation($id: ID!) { addNote(conversationId: $id, text: "vip") { id } }'],
  ['tagConversation', 'mutation($id: ID!) { tagConversation(conversationId: $id, add: ["x"]) { tags } }'],
  [
    'snoozeConversation',
    'mutation($id: ID!) { snoozeConversation(conversationId: $id, until: "2026-03-11T07:00:00.000Z") { status } }',
  ],
  ['reopenConversation', 'mutation($id: ID!) { reopenConversation(conversationId: $id) { status } }'],
  ['setPresence', 'mutation($id: ID!) { setPresence(conversationId: $id, state: TYPING) }'],
  [
    'renderCannedReply',
    `query($id: ID!) { renderCannedReply(conversationId: $id, cannedReplyId: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}") }`,
  ],
  [
    'assignConversation',
    'mutation($id: ID!, $me: ID!) { assignConversation(conversationId: $id, agentId: $me) { status } }',
  ],
  [
    'transferConversation',
    'mutation($id: ID!, $me: ID!) { transferConversation(conversationId: $id, toAgentId: $me) { status } }',
  ],
  ['unassignConversation', 'mutation($id: ID!) { unassignConversation(id: $id) { status } }'],
  ['caseSuggestions', 'query($id: ID!) { caseSuggestions(conversationId: $id) { conversationId reason } }'],
  [
    'mergeConversations',
    'mutation($id: ID!) { mergeConversations(targetId: $id, sourceId: $id) { source { status } } }',
  ],
  [
    'splitConversation',
    `mutation($id: ID!) { splitConversation(conversationId: $id, messageId: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}") { created { status } } }`,
  ],
];

/** Upstream calls that would change or read conversation state, summed. */
const ACTION_DEFS = [
  ...Object.values(ConversationsRpc),
  RoutingRpc.Assign,
  RoutingRpc.Transfer,
  RoutingRpc.Unassign,
];

function collect<T>(socket: SocketClient, query: string, variables: Record<string, unknown> = {}) {
  const received: Array<FormattedExecutionResult<T>> = [];
  const done = new Promise<void>((resolve) => {
    socket.client.subscribe<T>(
      { query, variables },
      {
        next: (r) => received.push(r as FormattedExecutionResult<T>),
        error: (err) => {
          if (Array.isArray(err)) received.push({ errors: err });
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });

  return { received, done };
}

describe('gateway agent actions, routing, customers, listening and their subscriptions', () => {
  let gw: GatewayHarness;
  const upstreamCalls = () => ACTION_DEFS.reduce((n, d) => n + gw.upstream.count(d), 0);

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('answers every conversation field for a visible conversation, with actor from the token', async () => {
    const { supA, conversations } = gw.fx;
    for (const [field, query] of BY_CONVERSATION) {
      const res = await gw.http(query, {
        token: gw.token(supA),
        variables: { id: conversations[0]!.id, me: supA.id },
      });
      expect([field, res.body.errors]).toEqual([field, undefined]);
    }
    expect(gw.upstream.last(ConversationsRpc.Resolve)).toEqual({
      brandId: supA.brandId,
      agentId: supA.id,
      agentRole: 'supervisor',
      agentInitials: supA.initials,
      conversationId: conversations[0]!.id,
    });
  });

  it('refuses another brand’s conversation ids with NOT_FOUND, on every field, without acting upstream', async () => {
    const { agentB, conversations } = gw.fx;
    const before = upstreamCalls();
    for (const [field, query] of BY_CONVERSATION) {
      // Brand B's agent names a brand A conversation (and themselves as the assignee).
      const res = await gw.http(query, {
        token: gw.token(agentB),
        variables: { id: conversations[0]!.id, me: agentB.id },
      });
      expect([field, res.body.errors?.[0]?.extensions?.['code']]).toEqual([field, 'NOT_FOUND']);
    }
    expect(upstreamCalls()).toBe(before);
    // Same over graphql-ws.
    const socket = gw.socket(gw.token(agentB));
    const ws = await socket.execute({
      query: BY_CONVERSATION[4]![1],
      variables: { id: conversations[0]!.id },
    });
    expect(ws.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses an agent a conversation of their brand outside their queues and assignments', async () => {
    const { agentA, conversations } = gw.fx;
    const res = await gw.http(BY_CONVERSATION[1]![1], {
      token: gw.token(agentA),
      variables: { id: conversations[1 + 1]!.id },
    });

    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses other brands’ agents, queues, customers and listening rules', async () => {
    const { supA, agentB, qB1, conversations, listeningRules } = gw.fx;
    const token = gw.token(supA);
    const id = conversations[0]!.id;
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'mutation($id: ID!, $a: ID!) { assignConversation(conversationId: $id, agentId: $a) { status } }',
        { id, a: agentB.id },
        'FORBIDDEN',
      ],
      [
        'mutation($id: ID!, $q: ID!) { transferConversation(conversationId: $id, toQueueId: $q) { status } }',
        { id, q: qB1.id },
        'FORBIDDEN',
      ],
      [
        'mutation($a: ID!) { setAgentStatus(agentId: $a, status: AWAY) { status } }',
        { a: agentB.id },
        'FORBIDDEN',
      ],
      ['query($a: ID!) { agentShifts(agentId: $a) { timezone } }', { a: agentB.id }, 'FORBIDDEN'],
      ['query($c: ID!) { customer(id: $c) { id } }', { c: '00000000-0000-4000-8000-000000000000' }, 'NULL'],
      ['mutation($r: ID!) { removeListeningRule(id: $r) }', { r: listeningRules[1]!.id }, 'NOT_FOUND'],
      [
        'mutation($q: String!) { setBrandGuidelines(bannedPhrases: [], queueHours: [{ queueId: $q, hours: "9-5" }]) { bannedPhrases } }',
        { q: qB1.id },
        'FORBIDDEN',
      ],
      [
        'mutation($q: ID!) { setAutoPostSettings(outOfHoursAck: { enabled: true, templates: [] }, waitStatus: { enabled: true, queueId: $q }) { waitStatus { queueId } } }',
        { q: qB1.id },
        'FORBIDDEN',
      ],
    ];
    for (const [query, variables, code] of cases) {
      const res = await gw.http(query, { token, variables });
      const got =
        res.body.errors?.[0]?.extensions?.['code'] ??
        (Object.values(res.body.data ?? {})[0] === null ? 'NULL' : 'OK');
      expect([query, got]).toEqual([query, code]);
    }
    expect(gw.upstream.count(IngestRpc.RemoveRule)).toBe(0);
    expect(gw.upstream.count(RoutingRpc.SetAgentStatus)).toBe(0);
  });

  it('keeps management fields for supervisors and admins, and agents to themselves', async () => {
    const { agentA, supA } = gw.fx;
    const token = gw.token(agentA);
    const forbidden = [
      '{ listening { rules { id } } }',
      'mutation { addListeningRule(kind: KEYWORD, value: "refund") { id } }',
      'mutation { saveCannedReply(language: "en", title: "t", body: "b") { id } }',
      'mutation { setBrandGuidelines(bannedPhrases: [], queueHours: []) { bannedPhrases } }',
      '{ autoPostSettings { outOfHoursAck { enabled } } }',
      'mutation { setAutoPostSettings(outOfHoursAck: { enabled: true, templates: [] }, waitStatus: { enabled: false }) { waitStatus { enabled } } }',
      `mutation { setAgentShifts(agentId: "${agentA.id}", timezone: "Europe/Madrid", shifts: []) { timezone } }`,
      `mutation { setAgentStatus(agentId: "${supA.id}", status: AWAY) { status } }`,
      `query { agentShifts(agentId: "${supA.id}") { timezone } }`,
      `mutation { assignConversation(conversationId: "${gw.fx.conversations[1]!.id}", agentId: "${supA.id}") { status } }`,
    ];
    for (const query of forbidden) {
      const res = await gw.http(query, { token });
      expect([query, res.body.errors?.[0]?.extensions?.['code']]).toEqual([query, 'FORBIDDEN']);
    }
    const own = await gw.http('mutation { setAgentStatus(status: AWAY) { agentId status } }', { token });
    expect(own.body).toEqual({ data: { setAgentStatus: { agentId: agentA.id, status: 'AWAY' } } });
    const rules = await gw.http('{ listening { rules { id value } } }', { token: gw.token(supA) });
    expect(rules.body).toEqual({
      data: { listening: { rules: [{ id: gw.fx.listeningRules[0]!.id, value: '@acmecares' }] } },
    });
  });

  it('conversationUpdated and myAssignments deliver only what the subscriber may see', async () => {
    const { agentA, agentB, supA, qA1, qA2, brandA, conversations } = gw.fx;
    const pubsub = gw.app.get(QueueUpdatesPubSub);
    type U = {
      conversationUpdated?: { conversationId: string; assigneeId: string | null };
      myAssignments?: { conversationId: string; assigneeId: string | null };
    };

    const foreign = collect<U>(
      gw.socket(gw.token(agentB)),
      'subscription($id: ID!) { conversationUpdated(id: $id) { conversationId } }',
      {
        id: conversations[0]!.id,
      },
    );
    await foreign.done;
    expect(foreign.received[0]?.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const c0 = conversations[0]!;
    const one = collect<U>(
      gw.socket(gw.token(agentA)),
      'subscription($id: ID!) { conversationUpdated(id: $id) { conversationId assigneeId } }',
      { id: c0.id },
    );
    const mine = collect<U>(
      gw.socket(gw.token(agentA)),
      'subscription { myAssignments { conversationId assigneeId } }',
    );
    await eventually(() => pubsub.listeners(brandA) === 2);
    await gw.app.get(NatsClient).nc.flush();

    const other = queueUpdate(qA1, {
      conversationId: conversations[1]!.id,
      assigneeId: supA.id,
      conversationStatus: 'assigned',
    });
    const toMe = queueUpdate(qA1, {
      conversationId: c0.id,
      assigneeId: agentA.id,
      conversationStatus: 'assigned',
    });
    const movedAway = queueUpdate(qA2, {
      conversationId: c0.id,
      assigneeId: supA.id,
      conversationStatus: 'assigned',
    });
    const last = queueUpdate(qA1, {
      conversationId: conversations[3]!.id,
      assigneeId: agentA.id,
      conversationStatus: 'assigned',
    });
    for (const e of [other, toMe, movedAway, last]) {
      gw.live.publish(LiveEvents.QueueUpdated, brandA, e.queueId, e);
    }

    await eventually(() => mine.received.length >= 3 && one.received.length >= 1);
    // The conversation moved to a queue agentA does not work and to someone else: no longer theirs to watch.
    expect(one.received.map((r) => r.data?.conversationUpdated)).toEqual([
      { conversationId: c0.id, assigneeId: agentA.id },
    ]);
    expect(mine.received.map((r) => r.data?.myAssignments)).toEqual([
      { conversationId: c0.id, assigneeId: agentA.id },
      { conversationId: c0.id, assigneeId: supA.id },
      { conversationId: conversations[3]!.id, assigneeId: agentA.id },
    ]);
  });

  it('presence delivers other agents in the same visible conversation only', async () => {
    const { agentA, supA, brandA, brandB, conversations } = gw.fx;
    const pubsub = gw.app.get(PresencePubSub);
    type P = { presence: { agentId: string; state: string } };
    const c0 = conversations[0]!;

    const hidden = collect<P>(
      gw.socket(gw.token(agentA)),
      'subscription($id: ID!) { presence(conversationId: $id) { agentId } }',
      { id: conversations[2]!.id },
    );
    await hidden.done;
    expect(hidden.received[0]?.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const sub = collect<P>(
      gw.socket(gw.token(agentA)),
      'subscription($id: ID!) { presence(conversationId: $id) { agentId state } }',
      { id: c0.id },
    );
    await eventually(() => pubsub.listeners(brandA) === 1);
    await gw.app.get(NatsClient).nc.flush();
    const presence = (
      agentId: string,
      conversationId: string,
      brandId = brandA,
      state: 'typing' | 'viewing' = 'typing',
    ) => ({
      schema: 1 as const,
      brandId,
      conversationId,
      agentId,
      agentInitials: 'XX',
      state,
      at: new Date().toISOString(),
    });
    gw.live.publish(ConversationsLive.Presence, brandA, c0.id, presence(agentA.id, c0.id)); // own: not echoed
    gw.live.publish(
      ConversationsLive.Presence,
      brandA,
      conversations[1]!.id,
      presence(supA.id, conversations[1]!.id),
    ); // other conversation
    gw.live.publish(ConversationsLive.Presence, brandA, c0.id, presence(supA.id, c0.id, brandB)); // foreign payload
    gw.live.publish(ConversationsLive.Presence, brandA, c0.id, presence(supA.id, c0.id, brandA, 'viewing'));

    await eventually(() => sub.received.length >= 1);
    expect(sub.received.map((r) => r.data?.presence)).toEqual([{ agentId: supA.id, state: 'VIEWING' }]);
  });
});
