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
 * An SLA warning committed while NATS is unreachable is not lost: the sweep records it on the
 * conversation (so it is never raised again) and its conversation.sla_alert waits in the outbox;
 * the next routing process publishes it, once. Before the outbox the alert was logged and gone.
 */
jest.setTimeout(90_000);

describe('SLA alert across a failed publish after the commit (PostgreSQL + NATS)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const care = randomUUID();
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const start = async (): Promise<INestApplication> => {
    const app = await NestFactory.create(routingApp(env, { clock, sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();

    return app;
  };
  let first: INestApplication | undefined;
  let second: INestApplication | undefined;

  afterAll(async () => {
    await second?.close();
    await cleanupNamespace(env);
  }, 60_000);

  it('publishes the committed warning exactly once after a restart', async () => {
    first = await start();
    const ds = asBrand(first.get(DataSource), brandId);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'outbox brand')`, [brandId]);
    await ds.query(
      `INSERT INTO queues (brand_id, id, name, team, sla_targets, sla_breach_action) VALUES ($1, $2, 'care', 'care', '[{"minPriority":0,"minutes":60}]', 'none')`,
      [brandId, care],
    );
    const m = { ...mention({ priority: 40 }), brandId };
    await first.get(EventBus).publish(Events.MentionReceived, m, { brandId, msgId: `t:${m.tweet.id}` });
    const conv = await eventually(
      async () =>
        (
          (await ds.query(`SELECT id FROM conversations WHERE brand_id = $1`, [brandId])) as Array<{
            id: string;
          }>
        )[0]?.id,
      { what: 'conversation opened', timeoutMs: 30_000 },
    );

    // NATS goes away between the commit and the publish: the sweep commits the warning, its publish fails.
    await first.get(NatsClient).nc.close();
    clock.advanceMinutes(46);
    await first.get(RoutingSweepService).sweep();
    const warned: Array<{ sla_warned_at: Date | null }> = await ds.query(
      `SELECT sla_warned_at FROM conversations WHERE id = $1`,
      [conv],
    );
    expect(warned[0]?.sla_warned_at).not.toBeNull();
    await first.close().catch(() => undefined);

    second = await start();
    const bus = second.get(NatsClient);
    const alerts = await eventually(
      async () => {
        const all = await readEvents(bus, Events.ConversationSlaAlert);

        return all.length > 0 ? all : undefined;
      },
      { what: 'the warning published by the restarted process', timeoutMs: 30_000 },
    );
    // Once: a second sweep of the new process and the outbox sweep add nothing.
    await second.get(RoutingSweepService).sweep();
    await eventually(
      async () => {
        const rows: Array<{ n: string }> = await asBrand(second!.get(DataSource), brandId).query(
          `SELECT count(*) AS n FROM outbox`,
        );

        return rows[0]?.n === '0' ? true : undefined;
      },
      { what: 'outbox emptied', timeoutMs: 30_000 },
    );
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'warning', conversationId: conv, action: 'priority_raised' }),
    ]);
    expect(await readEvents(bus, Events.ConversationSlaAlert)).toHaveLength(1);
  });
});
