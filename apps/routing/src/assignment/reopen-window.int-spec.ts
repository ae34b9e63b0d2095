import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ManualClock } from '@roost/testing';
import { oneAgentEvents, seedOneAgentBrand } from '../testing/one-agent-brand';
import { asBrand } from '../testing/db';

jest.setTimeout(90_000);

/**
 * The reopen window survives a restart: a routing instance that loads the brand from PostgreSQL
 * (not the one that saw the resolution) reopens the customer's resolved conversation within the
 * queue's window and opens a new one after it.
 */
describe('reopen window (PostgreSQL + NATS, controllable clock, restart in between)', () => {
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
    await seedOneAgentBrand(ds, { brandId, queueId, agentId, name: 'reopen', capacity: 3 });
  });

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  });

  const events = oneAgentEvents({ app: () => app!, clock, brandId, queueId, agentId });
  const route = (n: number) => events.route(n, '4242');
  const resolve = events.resolve;

  it('reopens within the window after a restart, opens a new conversation after it', async () => {
    const first = await route(1);
    expect(first).toMatchObject({ opened: true, status: 'assigned', assigneeId: agentId });
    clock.advanceMinutes(5);
    await resolve(first);

    await app!.close();
    clock.advanceMinutes(30);
    app = await start(); // fresh memory: the brand is loaded from PostgreSQL
    const again = await route(2);
    expect(again).toMatchObject({
      conversationId: first.conversationId,
      opened: true,
      status: 'assigned',
      assigneeId: agentId,
    });
    const rows: Array<{ status: string; resolved_at: Date | null; opened_at: Date }> = await asBrand(
      app.get(DataSource),
      brandId,
    ).query(`SELECT status, resolved_at, opened_at FROM conversations WHERE id = $1`, [first.conversationId]);
    expect(rows[0]).toMatchObject({
      status: 'assigned',
      resolved_at: null,
      opened_at: new Date(clock.now()),
    });

    await resolve(again);
    clock.advanceMinutes(61);
    const third = await route(3);
    expect(third.opened).toBe(true);
    expect(third.conversationId).not.toBe(first.conversationId);
  });
});
