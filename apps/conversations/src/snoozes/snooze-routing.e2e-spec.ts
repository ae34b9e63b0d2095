import { randomUUID } from 'node:crypto';
import { ConversationsRpc, Events } from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { eventually, readEvents } from '@roost/testing';
import { routed } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

const ALL_WEEK = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })));

/**
 * The wake-up reaches routing: the real routing and conversations processes. A conversation routing
 * gave to an agent is snoozed (routing frees the slot), wakes at its time without anyone acting,
 * and routing gives it back to the same agent (status-changes.ts), who holds one slot again.
 */
describe('snooze wake-up through routing (routing + conversations processes, PostgreSQL + NATS)', () => {
  const conversations = new ConversationsStack(
    'snooze-routing',
    { CONVERSATIONS_SNOOZE_SWEEP_MS: '200' },
    { routing: true },
  );
  const { env, pg } = conversations;
  const routing = `"${env.schemaPrefix}routing"`;
  const convSchema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentId = randomUUID();
  const agent = { brandId, agentId, agentRole: 'agent' as const, agentInitials: 'WK' };
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    await pg.query(`INSERT INTO ${routing}.brands (id, name) VALUES ($1, 'snooze')`, [brandId]);
    await pg.query(
      `INSERT INTO ${routing}.queues (brand_id, id, name, team) VALUES ($1, $2, 'care', 'care')`,
      [brandId, queueId],
    );
    await pg.query(
      `INSERT INTO ${routing}.agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
       VALUES ($1, $2, 'wake@t.example', 'Wa Ke', 'WK', 'agent', 'x', '{en}', 'UTC', 'online', 3, $3)`,
      [brandId, agentId, ALL_WEEK],
    );
    await pg.query(`INSERT INTO ${routing}.agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
      brandId,
      agentId,
      queueId,
    ]);
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  async function activeCount(): Promise<number> {
    const { rows } = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${routing}.conversations WHERE brand_id = $1 AND assignee_id = $2 AND status = 'assigned'`,
      [brandId, agentId],
    );

    return rows[0]!.n;
  }

  it('wakes at its time and routing gives it back to its agent', async () => {
    const n = Math.floor(Math.random() * 1e12);
    const tweet = {
      id: String(n),
      authorId: String(n + 1),
      authorHandle: `w${n}`,
      text: '@acmecares late again',
    };
    const mention = routed({ brandId, conversationId: randomUUID(), queueId, tweet, opened: true }).mention;
    await new EventBus(nats).publish(Events.MentionReceived, mention, {
      brandId,
      msgId: `${brandId}:${tweet.id}`,
    });

    const conversationId = await eventually(
      async () => {
        const { rows } = await pg.query<{ id: string; status: string; assignee_id: string | null }>(
          `SELECT c.id, c.status, c.assignee_id FROM ${convSchema}.conversations c
           JOIN ${convSchema}.messages m ON m.brand_id = c.brand_id AND m.conversation_id = c.id
           WHERE c.brand_id = $1 AND m.x_id = $2`,
          [brandId, tweet.id],
        );

        return rows[0]?.status === 'assigned' && rows[0].assignee_id === agentId ? rows[0].id : undefined;
      },
      { what: 'routed to the agent and stored' },
    );
    expect(await activeCount()).toBe(1);

    const until = new Date(Date.now() + 2_000).toISOString();
    await rpc.request(ConversationsRpc.Snooze, { ...agent, conversationId, until });
    await eventually(async () => (await activeCount()) === 0, { what: 'routing freed the slot' });

    // Nobody acts: the sweep wakes it, routing takes it back to the agent.
    const back = await eventually(
      async () =>
        (await readEvents(nats, Events.ConversationAssigned)).find(
          (e) => e.conversationId === conversationId && e.reason === 'from_waiting_list',
        ),
      { what: 'routing gave it back', timeoutMs: 20_000 },
    );
    expect(back).toMatchObject({ assigneeId: agentId, status: 'assigned', queueId });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until));
    expect(await activeCount()).toBe(1);
    await eventually(
      async () => {
        const { rows } = await pg.query<{ status: string; assignee_id: string }>(
          `SELECT status, assignee_id FROM ${convSchema}.conversations WHERE id = $1`,
          [conversationId],
        );

        return rows[0]?.status === 'assigned' && rows[0].assignee_id === agentId;
      },
      { what: 'conversations shows it assigned again' },
    );
    const woken = (await readEvents(nats, Events.ConversationStatusChanged)).filter(
      (e) => e.conversationId === conversationId && e.reason === 'unsnoozed',
    );
    expect(woken).toHaveLength(1);
    expect(woken[0]).toMatchObject({ actorId: null, previousStatus: 'snoozed' });
  });
});
