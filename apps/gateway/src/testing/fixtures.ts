import { randomUUID } from 'node:crypto';
import type {
  AgentProfile,
  ConversationView,
  ListeningRuleView,
  QueueUpdatedV1,
  QueueView,
} from '@roost/contracts';

/** Two brands, their queues and agents, and a page of conversations: what routing/conversations would hold. */
export function makeFixtures() {
  const brandA = randomUUID();
  const brandB = randomUUID();
  const queue = (brandId: string, name: string): QueueView => ({
    id: randomUUID(),
    brandId,
    name,
    team: 'care',
    waiting: 2,
    assigned: 1,
    oldestWaitingSince: '2026-03-10T06:59:00.000Z',
  });
  const qA1 = queue(brandA, 'Care (English)');
  const qA2 = queue(brandA, 'Sales');
  const qB1 = queue(brandB, 'Other brand care');
  const agent = (
    brandId: string,
    name: string,
    role: AgentProfile['role'],
    queueIds: string[],
  ): AgentProfile => ({
    id: randomUUID(),
    brandId,
    email: `${name.toLowerCase().replace(/\W/g, '.')}@example.com`,
    name,
    initials: name
      .split(' ')
      .map((w) => w[0])
      .join('')
      .slice(0, 4),
    role,
    languages: ['en'],
    timezone: 'Europe/Madrid',
    status: 'online',
    capacity: 5,
    load: 1,
    queueIds,
  });
  const agentA = agent(brandA, 'Ana Agent', 'agent', [qA1.id]);
  const supA = agent(brandA, 'Sam Supervisor', 'supervisor', [qA1.id, qA2.id]);
  const agentB = agent(brandB, 'Bo Other', 'agent', [qB1.id]);
  const conversation = (q: QueueView, assigneeId: string | null, n: number): ConversationView => ({
    id: randomUUID(),
    brandId: q.brandId,
    status: assigneeId ? 'assigned' : 'waiting',
    channel: 'public',
    priority: 50 + n,
    queueId: q.id,
    assigneeId,
    customer: {
      id: randomUUID(),
      xUserId: `${1000 + n}`,
      handle: `customer${n}`,
      name: `Customer ${n}`,
      followersCount: 10,
      verified: false,
    },
    language: 'en',
    sentiment: 'negative',
    intent: 'complaint',
    replyPath: 'public',
    openedAt: '2026-03-10T07:00:00.000Z',
    lastMessageAt: '2026-03-10T07:01:00.000Z',
    messages: [
      {
        id: randomUUID(),
        direction: 'inbound',
        channel: 'public',
        text: `@acmecares order ${n} is late`,
        xId: `${9000 + n}`,
        authorHandle: `customer${n}`,
        agentId: null,
        status: 'received',
        createdAt: '2026-03-10T07:00:00.000Z',
      },
    ],
  });
  // Two queues and two assignees across the page: the loaders must still make one request each.
  const conversations = [
    conversation(qA1, agentA.id, 1),
    conversation(qA1, null, 2),
    conversation(qA2, supA.id, 3),
    conversation(qA2, agentA.id, 4),
  ];

  const listeningRules: ListeningRuleView[] = [
    { id: randomUUID(), brandId: brandA, kind: 'handle', value: '@acmecares', language: null },
    { id: randomUUID(), brandId: brandB, kind: 'handle', value: '@othercares', language: null },
  ];

  return {
    listeningRules,
    brandA,
    brandB,
    qA1,
    qA2,
    qB1,
    agentA,
    supA,
    agentB,
    agents: [agentA, supA, agentB],
    queues: [qA1, qA2, qB1],
    conversations,
  };
}

export type Fixtures = ReturnType<typeof makeFixtures>;

export function queueUpdate(
  q: { id: string; brandId: string },
  overrides: Partial<QueueUpdatedV1> = {},
): QueueUpdatedV1 {
  return {
    schema: 1,
    brandId: q.brandId,
    queueId: q.id,
    reason: 'conversation_routed',
    conversationId: randomUUID(),
    conversationStatus: 'waiting',
    assigneeId: null,
    waiting: 3,
    assigned: 1,
    oldestWaitingSince: '2026-03-10T06:59:00.000Z',
    at: new Date().toISOString(),
    sourceCreatedAt: null,
    ...overrides,
  };
}
