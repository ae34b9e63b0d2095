import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Events, RoutingRpc, type ConversationRoutedV1, type MentionReceivedV1 } from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ManualClock } from '@roost/testing';
import { seedOneAgentBrand } from '../testing/one-agent-brand';
import { mention } from '../testing/state-builder';
import { asBrand } from '../testing/db';
import { BrandWriter } from '../state/brand-writer';
import { routeMention } from './router';
import { applyStatusChange } from './status-changes';

jest.setTimeout(90_000);

/**
 * Issue 13: routing follows a merge across restarts. The merged conversation's slot is freed, it is
 * stored with `merged_into_id`, and a routing instance that loads the brand from PostgreSQL sends
 * a later tweet of its X thread (and the customer's DM, when the merged case was their DM
 * conversation) to the target. OpenSplit opens a split message's case in the same queue, once.
 */
describe('merged cases in routing (PostgreSQL + NATS, restart in between)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentId = randomUUID();
  const clock = new ManualClock('2026-05-04T09:00:00Z');
  let app: INestApplication | undefined;
  let routedSeen = 0;

  async function start(): Promise<INestApplication> {
    const a = await NestFactory.create(routingApp(env, { clock, sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await a.init();

    return a;
  }

  const db = () => asBrand(app!.get(DataSource), brandId);

  beforeAll(async () => {
    app = await start();
    await seedOneAgentBrand(db(), { brandId, queueId, agentId, name: 'merged', capacity: 5 });
  });

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  });

  async function route(
    thread: string | null,
    channel: 'public' | 'dm' = 'public',
  ): Promise<ConversationRoutedV1> {
    const base = mention({ customer: '6161' });
    const m: MentionReceivedV1 = {
      ...base,
      brandId,
      channel,
      tweet: { ...base.tweet, ...(thread ? { conversationId: thread } : {}) },
    };
    await app!.get(EventBus).publish(Events.MentionReceived, m, { brandId, msgId: `t:${m.tweet.id}` });
    const n = ++routedSeen;

    return eventually(
      async () => {
        const routed = await readEvents(app!.get(NatsClient), Events.ConversationRouted);

        return routed.length === n ? routed[n - 1] : undefined;
      },
      { what: `mention ${n} routed` },
    );
  }

  async function load(): Promise<number> {
    const rows: Array<{ active_count: number }> = await db().query(
      `SELECT active_count FROM agents WHERE id = $1`,
      [agentId],
    );

    return rows[0]?.active_count ?? -1;
  }

  async function merge(source: ConversationRoutedV1, target: ConversationRoutedV1): Promise<void> {
    await app!.get(EventBus).publish(
      Events.ConversationStatusChanged,
      {
        schema: 1,
        brandId,
        conversationId: source.conversationId,
        queueId,
        assigneeId: agentId,
        status: 'resolved',
        previousStatus: 'assigned',
        reason: 'resolved',
        actorId: agentId,
        openedAt: source.routedAt,
        at: new Date(clock.now()).toISOString(),
        mergedIntoId: target.conversationId,
        targetOpenedAt: target.routedAt,
      },
      { brandId, msgId: `merged:${source.conversationId}` },
    );
    await eventually(
      async () => {
        const rows: Array<{ merged_into_id: string | null }> = await db().query(
          `SELECT merged_into_id FROM conversations WHERE id = $1`,
          [source.conversationId],
        );

        return rows[0]?.merged_into_id === target.conversationId;
      },
      { what: 'merge stored' },
    );
  }

  it('frees the merged case’s slot and sends its thread and DMs to the target, after a restart too', async () => {
    const target = await route('71');
    const source = await route('72');
    const dmCase = await route(null, 'dm');
    expect(new Set([target.conversationId, source.conversationId, dmCase.conversationId]).size).toBe(3);
    expect(await load()).toBe(3);

    clock.advanceMinutes(1);
    await merge(source, target);
    await merge(dmCase, target);
    expect(await load()).toBe(1);

    await app!.close();
    app = await start(); // fresh memory: the aliases come from PostgreSQL
    clock.advanceMinutes(2);
    const later = await route('72');
    expect(later).toMatchObject({
      conversationId: target.conversationId,
      opened: false,
      assigneeId: agentId,
    });
    const dm = await route(null, 'dm');
    expect(dm).toMatchObject({ conversationId: target.conversationId, opened: false });
    expect(await load()).toBe(1);
    const rows: Array<{ status: string }> = await db().query(
      `SELECT status FROM conversations WHERE id = $1`,
      [source.conversationId],
    );
    expect(rows[0]?.status).toBe('resolved');
  });

  it('opens a split message’s case in the same queue through OpenSplit, once', async () => {
    const first = await route('79');
    const rpc = new RpcClient(app!.get(NatsClient), 10_000);
    const req = {
      brandId,
      sourceConversationId: first.conversationId,
      customerXId: '6161',
      channel: 'public' as const,
      messageXId: '99887766',
      priority: 40,
      language: 'en',
      openedAt: new Date(clock.now()).toISOString(),
    };
    const split = await rpc.request(RoutingRpc.OpenSplit, req);
    expect(split).toMatchObject({ queueId, status: 'assigned', assigneeId: agentId });
    expect(split.conversationId).not.toBe(first.conversationId);
    expect((await rpc.request(RoutingRpc.OpenSplit, req)).conversationId).toBe(split.conversationId);
    const rows: Array<{ x_conversation_id: string }> = await db().query(
      `SELECT x_conversation_id FROM conversations WHERE id = $1`,
      [split.conversationId],
    );
    expect(rows[0]?.x_conversation_id).toBe('split:99887766');
    // The thread's opening tweet (its id is the thread's, '79') splits into a case of its own.
    const root = await rpc.request(RoutingRpc.OpenSplit, { ...req, messageXId: '79' });
    expect(new Set([first.conversationId, split.conversationId, root.conversationId]).size).toBe(3);
    // A retry after a restart (state loaded from PostgreSQL) still finds the same split cases.
    await app!.close();
    app = await start();
    const again = new RpcClient(app.get(NatsClient), 10_000);
    expect((await again.request(RoutingRpc.OpenSplit, req)).conversationId).toBe(split.conversationId);
    expect((await again.request(RoutingRpc.OpenSplit, { ...req, messageXId: '79' })).conversationId).toBe(
      root.conversationId,
    );
    expect(
      await again
        .request(RoutingRpc.OpenSplit, { ...req, sourceConversationId: randomUUID(), messageXId: '1' })
        .catch((e: { code: string }) => e.code),
    ).toBe('NOT_FOUND');
  });

  it('a second instance catches up a merge another instance made (no reload)', async () => {
    const other = await start();
    try {
      const [w1, w2] = [app!.get(BrandWriter), other.get(BrandWriter)];
      const inThread = (thread: string): MentionReceivedV1 => {
        const base = mention({ customer: '6262' });

        return { ...base, brandId, tweet: { ...base.tweet, conversationId: thread } };
      };
      const decide = async (w: BrandWriter, m: MentionReceivedV1) =>
        (await w.write(brandId, (ctx) => routeMention(ctx, m)))?.result;
      // The second instance holds the brand in memory (both cases open)...
      const target = await decide(w2, inThread('81'));
      const source = await decide(w2, inThread('82'));
      expect(target?.conversationId).not.toBe(source?.conversationId);
      // ...the first one applies the merge...
      await w1.write(brandId, (ctx) =>
        applyStatusChange(ctx, {
          schema: 1,
          brandId,
          conversationId: source!.conversationId,
          queueId,
          assigneeId: agentId,
          status: 'resolved',
          previousStatus: 'assigned',
          reason: 'resolved',
          actorId: agentId,
          openedAt: new Date(clock.now()).toISOString(),
          at: new Date(clock.now()).toISOString(),
          mergedIntoId: target!.conversationId,
        }),
      );
      // ...and the second one, catching up from its version, sends the merged thread to the target.
      const later = await decide(w2, inThread('82'));
      expect(later).toMatchObject({ conversationId: target?.conversationId, opened: false });
    } finally {
      await other.close();
    }
  });
});
