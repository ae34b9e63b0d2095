import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiKeyRpc, Events, LiveEvents, Rpc, RoutingRpc, type AgentAccessChangedV1 } from '@roost/contracts';
import { LiveChannel, NatsClient, RpcClient } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { BrandWriter } from '../state/brand-writer';
import { routeMention } from '../assignment/router';
import { mention } from '../testing/state-builder';
import { hashPassword } from '../common/password';
import { ownerDataSource } from '../testing/db';

jest.setTimeout(90_000);

const ALL_WEEK = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })));
const PASSWORD = 'correct horse battery';

/**
 * Deactivation across two routing instances: the request reaches one, the brand's memory lives in
 * the other. The agent's assigned conversations go back to waiting (announced), nothing is assigned
 * to them afterwards, not even by a supervisor, and they cannot sign in; reactivation undoes it.
 */
describe('agent deactivation (PostgreSQL + NATS, two routing instances)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const queueId = randomUUID();
  const alice = randomUUID();
  const bob = randomUUID();
  const admin = randomUUID();
  const apps: INestApplication[] = [];
  let ds: DataSource;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 0, outboxMs: 0 } }), {
        logger: false,
      });
      await app.init();
      apps.push(app);
    }
    // The apps run as the app role (row-level security); the test arranges and checks two brands as the owner.
    ds = await ownerDataSource(env);
    const hash = await hashPassword(PASSWORD);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'access')`, [brandId]);
    await ds.query(`INSERT INTO queues (brand_id, id, name, team) VALUES ($1, $2, 'care', 'care')`, [
      brandId,
      queueId,
    ]);
    for (const [id, email, role, capacity] of [
      [alice, 'alice', 'agent', 2],
      [bob, 'bob', 'agent', 1],
      [admin, 'admin', 'admin', 1],
    ] as const) {
      await ds.query(
        `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
         VALUES ($1, $2, $3, $4, 'AG', $5, $6, '{en}', 'UTC', $7, $8, $9)`,
        [
          brandId,
          id,
          `${email}.${brandId}@t.example`,
          email,
          role,
          hash,
          role === 'admin' ? 'offline' : 'online',
          capacity,
          ALL_WEEK,
        ],
      );
      if (role !== 'admin') {
        await ds.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
          brandId,
          id,
          queueId,
        ]);
      }
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  const acting = { brandId, actorId: admin, actorRole: 'admin' as const };
  const rpc = (): RpcClient => apps[0]!.get(RpcClient);
  /** Routes through the second instance, which keeps the brand in memory between calls. */
  const route = async (customer: string) => {
    const m = { ...mention({ customer }), brandId };
    const written = await apps[1]!.get(BrandWriter).write(brandId, (ctx) => {
      const d = routeMention(ctx, m);
      if (d) ctx.changes.routed.push({ tweetId: m.tweet.id, ...d });

      return d;
    });

    return written?.result;
  };
  const conversations = async (): Promise<
    Array<{ id: string; status: string; assignee_id: string | null }>
  > =>
    ds.query(`SELECT id, status, assignee_id FROM conversations WHERE brand_id = $1 ORDER BY opened_at`, [
      brandId,
    ]);

  it('puts the agent’s conversations back to waiting, keeps them out of routing, refuses their login; reactivation restores access', async () => {
    for (const c of ['1', '2', '3', '4']) await route(c);
    const before = await conversations();
    expect(before.filter((c) => c.assignee_id === alice)).toHaveLength(2);
    expect(before.filter((c) => c.assignee_id === bob)).toHaveLength(1);
    expect(before.filter((c) => c.status === 'waiting')).toHaveLength(1);

    const announced: AgentAccessChangedV1[] = [];
    const sub = apps[1]!
      .get(LiveChannel)
      .subscribe(LiveEvents.AgentAccessChanged, { brandId }, (e) => announced.push(e));
    await apps[1]!.get(NatsClient).nc.flush();

    const profile = await rpc().request(RoutingRpc.DeactivateAgent, { ...acting, agentId: alice });
    expect(profile).toMatchObject({ id: alice, active: false, status: 'offline', load: 0 });
    const after = await conversations();
    expect(after.some((c) => c.assignee_id === alice)).toBe(false);
    expect(after.filter((c) => c.status === 'waiting')).toHaveLength(3);
    expect(after.filter((c) => c.assignee_id === bob)).toHaveLength(1);
    const released = (await readEvents(apps[0]!.get(NatsClient), Events.ConversationAssigned)).filter(
      (e) => e.brandId === brandId && e.previousAssigneeId === alice,
    );
    expect(released).toHaveLength(2);
    expect(
      released.every(
        (e) => e.status === 'waiting' && e.reason === 'agent_unavailable' && e.actorId === admin,
      ),
    ).toBe(true);
    await eventually(async () => announced.length === 1, {
      timeoutMs: 5_000,
      what: 'the access change announced',
    });
    expect(announced[0]).toMatchObject({
      agentId: alice,
      active: false,
      tokensValidAfter: expect.any(String),
    });
    sub.unsubscribe();

    // The instance holding the brand in memory routes a new mention: it waits, Alice gets nothing.
    expect(await route('5')).toMatchObject({ status: 'waiting', assigneeId: null });
    // Not even a supervisor can bring her back online or hand her a conversation.
    await expect(
      rpc().request(RoutingRpc.SetAgentStatus, { ...acting, agentId: alice, status: 'online' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const waiting = (await conversations()).find((c) => c.status === 'waiting')!;
    await expect(
      rpc().request(RoutingRpc.Assign, { ...acting, conversationId: waiting.id, agentId: alice }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      rpc().request(Rpc.Login, { email: `alice.${brandId}@t.example`, password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // Idempotent, and listed for gateways.
    await expect(
      rpc().request(RoutingRpc.DeactivateAgent, { ...acting, agentId: alice }),
    ).resolves.toMatchObject({ active: false });
    const { revocations } = await rpc().request(RoutingRpc.ListTokenRevocations, {
      since: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(revocations.find((r) => r.agentId === alice)).toMatchObject({ brandId, active: false });
    expect((await conversations()).some((c) => c.assignee_id === alice)).toBe(false);

    await expect(
      rpc().request(RoutingRpc.ReactivateAgent, { ...acting, agentId: alice }),
    ).resolves.toMatchObject({ active: true, status: 'offline' });
    await expect(
      rpc().request(Rpc.Login, { email: `alice.${brandId}@t.example`, password: PASSWORD }),
    ).resolves.toMatchObject({ id: alice });
    await rpc().request(RoutingRpc.SetAgentStatus, {
      brandId,
      actorId: alice,
      actorRole: 'agent',
      agentId: alice,
      status: 'online',
    });
    expect((await conversations()).filter((c) => c.assignee_id === alice)).toHaveLength(2);
  });

  it('refuses non-admins, the admin’s own account and another brand’s agent', async () => {
    const other = randomUUID();
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'other')`, [other]);
    await expect(
      rpc().request(RoutingRpc.DeactivateAgent, {
        brandId,
        actorId: bob,
        actorRole: 'supervisor',
        agentId: alice,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ADMIN_REQUIRED' },
    });
    await expect(
      rpc().request(RoutingRpc.DeactivateAgent, { ...acting, agentId: admin }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'OWN_ACCOUNT' } });
    // The admin of one brand is nobody in another: refused before the agent is even looked up.
    const elsewhere = { code: 'FORBIDDEN', details: { reason: 'UNKNOWN_ACTOR' } };
    await expect(
      rpc().request(RoutingRpc.DeactivateAgent, {
        brandId: other,
        actorId: admin,
        actorRole: 'admin',
        agentId: bob,
      }),
    ).rejects.toMatchObject(elsewhere);
    await expect(
      rpc().request(RoutingRpc.ResetAgentPassword, {
        brandId: other,
        actorId: admin,
        actorRole: 'admin',
        agentId: bob,
      }),
    ).rejects.toMatchObject(elsewhere);
    await expect(
      rpc().request(ApiKeyRpc.Create, {
        brandId: other,
        actorId: admin,
        actorRole: 'admin',
        name: 'k',
        role: 'agent',
      }),
    ).rejects.toMatchObject(elsewhere);
    // What conversations and metrics ask routing instead of trusting a claimed role.
    await expect(rpc().request(RoutingRpc.ActorAccess, { brandId, actorId: bob })).resolves.toEqual({
      actor: { role: 'agent', active: true },
    });
    await expect(rpc().request(RoutingRpc.ActorAccess, { brandId: other, actorId: admin })).resolves.toEqual({
      actor: null,
    });
    // Forged requests: an agent's id with the admin role claimed is judged on the stored role.
    await expect(
      rpc().request(RoutingRpc.DeactivateAgent, {
        brandId,
        actorId: bob,
        actorRole: 'admin',
        agentId: alice,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ADMIN_REQUIRED' },
    });
    await expect(
      rpc().request(RoutingRpc.UpsertQueue, {
        brandId,
        actorId: alice,
        actorRole: 'admin',
        queue: {
          name: 'forged',
          team: 'care',
          timezone: 'UTC',
          businessHours: [],
          slaTargets: [],
          slaWarnRatio: 0.8,
          slaWarnPriorityBoost: 0,
          slaBreachAction: 'none',
          escalationQueueId: null,
          strategy: 'least_loaded',
          stickyWindowMinutes: null,
          relaxLanguageAfterMinutes: null,
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } });
    const [row] = await ds.query(`SELECT active FROM agents WHERE id = $1`, [bob]);
    expect(row.active).toBe(true);
  });
});
