import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Events, type ConversationRoutedV1, type MessageSentV1 } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { cleanupNamespace, eventually, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ManualClock } from '@roost/testing';
import { oneAgentEvents, seedOneAgentBrand } from '../testing/one-agent-brand';
import { asBrand } from '../testing/db';

jest.setTimeout(90_000);

/**
 * The DM leg of a case survives restarts: the link a DM from a public conversation makes (heard on
 * `message.sent`) is stored, so a routing instance that loads the brand from PostgreSQL joins the
 * customer's DM to that conversation while it is open, and reopens it within the reopen window.
 */
describe('DM leg (PostgreSQL + NATS, controllable clock, restart in between)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentId = randomUUID();
  const clock = new ManualClock('2026-05-04T09:00:00Z');
  let app: INestApplication | undefined;

  async function start(): Promise<INestApplication> {
    const a = await NestFactory.create(routingApp(env, { clock, sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await a.init();

    return a;
  }

  beforeAll(async () => {
    app = await start();
    const ds = asBrand(app.get(DataSource), brandId);
    await seedOneAgentBrand(ds, { brandId, queueId, agentId, name: 'dm-leg', capacity: 3 });
  });

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  });

  const events = oneAgentEvents({ app: () => app!, clock, brandId, queueId, agentId });
  const route = (n: number, channel: 'public' | 'dm' = 'public') => events.route(n, '4343', channel);
  const resolve = events.resolve;

  async function sentDm(r: ConversationRoutedV1): Promise<void> {
    const sent: MessageSentV1 = {
      schema: 1,
      brandId,
      conversationId: r.conversationId,
      messageId: randomUUID(),
      agentId,
      queueId,
      channel: 'dm',
      xId: '777001',
      firstResponse: true,
      conversationOpenedAt: r.routedAt,
      sentAt: new Date(clock.now()).toISOString(),
    };
    await app!.get(EventBus).publish(Events.MessageSent, sent, { brandId, msgId: `sent:${sent.messageId}` });
    await eventually(
      async () => {
        const rows: Array<{ dm_linked_at: Date | null }> = await asBrand(app!.get(DataSource), brandId).query(
          `SELECT dm_linked_at FROM conversations WHERE id = $1`,
          [r.conversationId],
        );

        return rows[0]?.dm_linked_at?.getTime() === clock.now();
      },
      { what: 'DM leg stored' },
    );
  }

  it('joins the DM to the public case after a restart, and reopens it by DM within the window', async () => {
    const pub = await route(1);
    expect(pub).toMatchObject({ opened: true, status: 'assigned', assigneeId: agentId });
    clock.advanceMinutes(2);
    await sentDm(pub);

    await app!.close();
    app = await start(); // fresh memory: the brand and its DM legs are loaded from PostgreSQL
    clock.advanceMinutes(3);
    const dm = await route(2, 'dm');
    expect(dm).toMatchObject({ conversationId: pub.conversationId, opened: false, assigneeId: agentId });

    await resolve(pub);
    await app!.close();
    clock.advanceMinutes(30);
    app = await start();
    const reopened = await route(3, 'dm');
    expect(reopened).toMatchObject({ conversationId: pub.conversationId, opened: true, assigneeId: agentId });

    await resolve(reopened);
    clock.advanceMinutes(61);
    const cold = await route(4, 'dm');
    expect(cold.opened).toBe(true);
    expect(cold.conversationId).not.toBe(pub.conversationId);
  });
});
