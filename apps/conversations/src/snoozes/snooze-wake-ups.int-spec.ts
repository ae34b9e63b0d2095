import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ConversationsRpc, Events, type ConversationStatusChangedV1 } from '@roost/contracts';
import { EventBus, NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { Client } from 'pg';
import { routed, seedConversation, type SimTweetRef } from '../testing/conversation-fixtures';
import { conversationsApp } from '../testing/conversations-app';
import { ManualClock } from '@roost/testing';
import { SnoozeWakeUps } from './snooze-wake-ups.service';

jest.setTimeout(120_000);

function tweet(): SimTweetRef {
  const n = Math.floor(Math.random() * 1e12);

  return { id: String(n), authorId: String(n + 1), authorHandle: `c${n}`, text: '@acmecares where is it' };
}

/**
 * A snooze with a time wakes the conversation at that time, on the service's clock: two instances
 * of the real conversations app (in process, same schema and streams) sweep together, a restart
 * in between does not lose it, and a customer message that woke it first leaves nothing to fire.
 */
describe('snooze wake-up (two conversations instances, PostgreSQL + NATS, controllable clock)', () => {
  const base = testEnv();
  const env = { ...base, conversations: { ...base.conversations, snoozeSweepMs: 50 } };
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agent = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'SZ' };
  const clock = new ManualClock();
  let apps: INestApplication[] = [];
  let nats: NatsClient;
  let rpc: RpcClient;
  let pg: Client;

  async function start(): Promise<INestApplication> {
    const app = await conversationsApp(env, {
      logger: process.env['DBG'] ? ['error', 'warn'] : false,
      clock,
    });
    await app.init();
    apps.push(app);

    return app;
  }

  beforeAll(async () => {
    await start();
    await start();
    nats = await NatsClient.connect({
      servers: env.natsServers,
      name: 'snooze-wake-ups',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    rpc = new RpcClient(nats, 10_000);
    pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await nats?.drain();
    await pg?.end();
    await cleanupNamespace(env);
  });

  /** A stored conversation (assigned to the agent unless `unassigned`), snoozed through the real request. */
  async function snoozed(minutes: number, opts: { unassigned?: boolean } = {}) {
    const t = tweet();
    const { conversationId } = await seedConversation(pg, {
      schema: `${env.schemaPrefix}conversations`,
      brandId,
      queueId,
      tweet: t,
      status: opts.unassigned ? 'waiting' : 'assigned',
    });
    if (!opts.unassigned) {
      await pg.query(`UPDATE ${schema}.conversations SET assignee_id = $2 WHERE id = $1`, [
        conversationId,
        agent.agentId,
      ]);
    }
    const until = new Date(clock.now() + minutes * 60_000).toISOString();
    const res = await rpc.request(ConversationsRpc.Snooze, { ...agent, conversationId, until });
    expect(res.status).toBe('snoozed');

    return { conversationId, tweet: t };
  }

  async function row(id: string) {
    const { rows } = await pg.query<{
      status: string;
      snoozed_until: Date | null;
      assignee_id: string | null;
    }>(`SELECT status, snoozed_until, assignee_id FROM ${schema}.conversations WHERE id = $1`, [id]);

    return rows[0]!;
  }

  async function wokenAudits(
    id: string,
  ): Promise<Array<{ actor_id: string | null; details: { to: string } }>> {
    const { rows } = await pg.query<{ actor_id: string | null; details: { to: string } }>(
      `SELECT actor_id, details FROM ${schema}.audit_log WHERE conversation_id = $1 AND action = 'conversation.woken'`,
      [id],
    );

    return rows;
  }

  async function unsnoozedEvents(id: string): Promise<ConversationStatusChangedV1[]> {
    return (await readEvents(nats, Events.ConversationStatusChanged)).filter(
      (e) => e.conversationId === id && e.reason === 'unsnoozed',
    );
  }

  const sweepAll = (): Promise<number[]> => Promise.all(apps.map((a) => a.get(SnoozeWakeUps).runOnce()));

  it('wakes the conversation at its time, not before: back to its assignee, audited, announced once', async () => {
    const { conversationId } = await snoozed(30);

    clock.advanceMinutes(29);
    expect(await sweepAll()).toEqual([0, 0]);
    expect((await row(conversationId)).status).toBe('snoozed');

    clock.advanceMinutes(2);
    await eventually(async () => (await row(conversationId)).status === 'assigned', { what: 'woken' });
    expect(await row(conversationId)).toMatchObject({ snoozed_until: null, assignee_id: agent.agentId });
    const [ev] = await eventually(
      async () => {
        const evs = await unsnoozedEvents(conversationId);

        return evs.length > 0 ? evs : undefined;
      },
      { what: 'unsnoozed event' },
    );
    expect(ev).toMatchObject({
      previousStatus: 'snoozed',
      status: 'assigned',
      reason: 'unsnoozed',
      actorId: null,
      assigneeId: agent.agentId,
      queueId,
    });
    expect(await wokenAudits(conversationId)).toEqual([
      { actor_id: null, details: expect.objectContaining({ to: 'assigned' }) },
    ]);
  });

  it('two instances sweeping at once wake each of 40 conversations exactly once (unassigned ones wait)', async () => {
    const convs: Array<{ conversationId: string }> = [];
    for (let i = 0; i < 40; i++) convs.push(await snoozed(10, { unassigned: i % 2 === 1 }));
    clock.advanceMinutes(11);
    const counts = await Promise.all([sweepAll(), sweepAll(), sweepAll()]);
    const byPasses = counts.flat().reduce((a, b) => a + b, 0);

    await eventually(
      async () => {
        const { rows } = await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${schema}.conversations WHERE id = ANY($1::uuid[]) AND status = 'snoozed'`,
          [convs.map((c) => c.conversationId)],
        );

        return rows[0]!.n === 0;
      },
      { what: 'all woken' },
    );
    // The timers (every 50 ms) race the explicit passes: whoever claims a row wakes it, once.
    expect(byPasses).toBeLessThanOrEqual(40);
    for (const [i, c] of convs.entries()) {
      expect((await row(c.conversationId)).status).toBe(i % 2 === 1 ? 'waiting' : 'assigned');
      expect(await wokenAudits(c.conversationId)).toHaveLength(1);
    }
    const events = await eventually(
      async () => {
        const all = await readEvents(nats, Events.ConversationStatusChanged);

        return convs.every((c) => all.some((e) => e.conversationId === c.conversationId)) ? all : undefined;
      },
      { what: 'every wake-up announced' },
    );
    for (const c of convs) {
      expect(
        events.filter((e) => e.conversationId === c.conversationId && e.reason === 'unsnoozed'),
      ).toHaveLength(1);
    }
  });

  it('a customer message before the time unsnoozes it, and the timer does not fire again', async () => {
    const { conversationId, tweet: t } = await snoozed(30);
    const again = { ...t, id: String(BigInt(t.id) + 7n), text: '@acmecares any news?' };
    await apps[0]!
      .get(EventBus)
      .publish(
        Events.ConversationRouted,
        routed({ brandId, conversationId, queueId, tweet: again, opened: false }),
        { brandId, msgId: `routed:${brandId}:${again.id}` },
      );
    await eventually(async () => (await unsnoozedEvents(conversationId)).length === 1, {
      what: "the customer's unsnooze",
    });
    expect((await row(conversationId)).snoozed_until).toBeNull();

    clock.advanceMinutes(31);
    expect(await sweepAll()).toEqual([0, 0]);
    await new Promise((r) => setTimeout(r, 300)); // several timer passes
    expect(await wokenAudits(conversationId)).toEqual([]);
    expect(await unsnoozedEvents(conversationId)).toHaveLength(1);
  });

  it('a snooze that falls due while the service is stopped wakes at the next start', async () => {
    const { conversationId } = await snoozed(45);
    for (const app of apps) await app.close();
    apps = [];

    clock.advanceMinutes(60);
    const { rows } = await pg.query<{ status: string }>(
      `SELECT status FROM ${schema}.conversations WHERE id = $1`,
      [conversationId],
    );
    expect(rows[0]?.status).toBe('snoozed'); // nothing ran while stopped

    await start();
    await eventually(async () => (await row(conversationId)).status === 'assigned', {
      what: 'woken after the restart',
    });
    expect(await wokenAudits(conversationId)).toHaveLength(1);
    await eventually(async () => (await unsnoozedEvents(conversationId)).length === 1, {
      what: 'announced after the restart',
    });
  });
});
