import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Events } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ManualClock } from '@roost/testing';
import { RoutingSweepService } from './routing-sweep.service';
import { mention } from '../testing/state-builder';
import { asBrand } from '../testing/db';

/**
 * Supervisors are alerted once per conversation and kind: the routing app (real PostgreSQL and
 * NATS, a clock moved by hand) publishes conversation.sla_alert at the warning point and at the
 * breach, with what it did (priority raised, escalated), and never again for the same conversation.
 */
jest.setTimeout(60_000);

describe('SLA alerts (PostgreSQL + NATS, controllable clock)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const care = randomUUID();
  const vip = randomUUID();
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(routingApp(env, { clock, sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();
    const ds = asBrand(app.get(DataSource), brandId);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'sla brand')`, [brandId]);
    await ds.query(
      `INSERT INTO queues (brand_id, id, name, team, sla_targets, sla_breach_action, escalation_queue_id)
       VALUES ($1, $2, 'care', 'care', '[{"minPriority":0,"minutes":60}]', 'escalate', $3), ($1, $3, 'vip', 'care', '[]', 'none', NULL)`,
      [brandId, care, vip],
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  }, 60_000);

  const alerts = () => readEvents(app.get(NatsClient), Events.ConversationSlaAlert);

  it('warns with priority raised at 75% of the target, escalates at breach, once each', async () => {
    const m = { ...mention({ priority: 40 }), brandId };
    await app.get(EventBus).publish(Events.MentionReceived, m, { brandId, msgId: `t:${m.tweet.id}` });
    const ds = asBrand(app.get(DataSource), brandId);
    const conv = await eventually(
      async () => {
        const rows: Array<{ id: string }> = await ds.query(
          `SELECT id FROM conversations WHERE brand_id = $1`,
          [brandId],
        );

        return rows[0]?.id;
      },
      { what: 'conversation opened' },
    );
    const sweep = app.get(RoutingSweepService);

    clock.advanceMinutes(44);
    await sweep.sweep();
    expect(await alerts()).toEqual([]);

    clock.advanceMinutes(2); // 46 of 60 minutes: past the 75% warning point
    await sweep.sweep();
    expect(await alerts()).toEqual([
      expect.objectContaining({
        kind: 'warning',
        conversationId: conv,
        queueId: care,
        currentQueueId: care,
        action: 'priority_raised',
        priority: 60,
        status: 'waiting',
      }),
    ]);

    clock.advanceMinutes(15);
    await sweep.sweep();
    await sweep.sweep();
    const all = await alerts();
    expect(all.map((a) => a.kind)).toEqual(['warning', 'breach']);
    expect(all[1]).toMatchObject({
      conversationId: conv,
      queueId: care,
      currentQueueId: vip,
      action: 'escalated',
      priority: 100,
      deadline: '2026-03-02T11:00:00.000Z',
    });
  });
});
