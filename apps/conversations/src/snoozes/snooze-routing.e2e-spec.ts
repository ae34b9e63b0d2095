import { randomUUID } from 'node:crypto';
import { ConversationsRpc, Events, RoutingRpc } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { eventually, readEvents } from '@roost/testing';
import { ConversationsStack } from '../testing/conversations-stack';
import { routeMention, seedRoutingBrand } from '../testing/routing-seed';

/**
 * The wake-up reaches routing: the real routing and conversations processes. A conversation routing
 * gave to an agent is snoozed (routing frees the slot), wakes at its time without anyone acting,
 * and routing gives it back to the same agent (status-changes.ts), who holds one slot again.
 */
describe('snooze wake-up through routing (routing + conversations processes, PostgreSQL + NATS)', () => {
  const conversations = new ConversationsStack('snooze-routing', { CONVERSATIONS_SNOOZE_SWEEP_MS: '200' });
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
    await seedRoutingBrand(pg, {
      schemaPrefix: env.schemaPrefix,
      brandId,
      queues: [{ id: queueId, name: 'care' }],
      agents: [{ id: agentId, name: 'Wa Ke', initials: 'WK', role: 'agent', queueIds: [queueId] }],
    });
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
    const routedTo = await routeMention(nats, pg, { schemaPrefix: env.schemaPrefix, brandId, queueId });
    expect(routedTo.assigneeId).toBe(agentId);
    const conversationId = routedTo.conversationId;
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

  it('wakes at its time and waits in the queue when its agent went offline meanwhile', async () => {
    const { conversationId } = await routeMention(nats, pg, {
      schemaPrefix: env.schemaPrefix,
      brandId,
      queueId,
    });
    const until = new Date(Date.now() + 2_000).toISOString();
    await rpc.request(ConversationsRpc.Snooze, { ...agent, conversationId, until });
    await rpc.request(RoutingRpc.SetAgentStatus, {
      brandId,
      actorId: agentId,
      actorRole: 'agent',
      agentId,
      status: 'offline',
    });

    const waiting = await eventually(
      async () =>
        (await readEvents(nats, Events.ConversationAssigned)).find(
          (e) => e.conversationId === conversationId && e.reason === 'agent_unavailable',
        ),
      { what: 'routing put it on the waiting list', timeoutMs: 20_000 },
    );
    expect(waiting).toMatchObject({ status: 'waiting', assigneeId: null, previousAssigneeId: agentId });
    await eventually(
      async () => {
        const { rows } = await pg.query<{ status: string; assignee_id: string | null }>(
          `SELECT status, assignee_id FROM ${convSchema}.conversations WHERE id = $1`,
          [conversationId],
        );

        return rows[0]?.status === 'waiting' && rows[0].assignee_id === null;
      },
      { what: 'conversations shows it waiting' },
    );
  });
});
