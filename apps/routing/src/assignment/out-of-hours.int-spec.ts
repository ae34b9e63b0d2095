import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Events } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { cleanupNamespace, eventually, readEvents, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ManualClock } from '@roost/testing';
import { mention } from '../testing/state-builder';
import { asBrand } from '../testing/db';

jest.setTimeout(60_000);

/**
 * A mention that opens a conversation while its queue is closed waits, and conversation.routed
 * says when the queue opens again in the queue's own timezone (what the brand's out-of-hours
 * acknowledgement quotes); a message joining that conversation, or one routed while open, says nothing.
 */
describe('out of business hours (PostgreSQL + NATS, controllable clock)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const queueId = randomUUID();
  // Saturday 2026-03-28 10:00 UTC; the queue works Monday to Friday 09:00-17:00 in Paris.
  const clock = new ManualClock('2026-03-28T10:00:00Z');
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(routingApp(env, { clock, sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();
    const hours = JSON.stringify([1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })));
    const ds = asBrand(app.get(DataSource), brandId);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'ooh')`, [brandId]);
    await ds.query(
      `INSERT INTO queues (brand_id, id, name, team, timezone, business_hours) VALUES ($1, $2, 'care', 'care', 'Europe/Paris', $3)`,
      [brandId, queueId, hours],
    );
  });

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  });

  async function route(customer: string): Promise<void> {
    const m = { ...mention({ customer }), brandId };
    await app.get(EventBus).publish(Events.MentionReceived, m, { brandId, msgId: `t:${m.tweet.id}` });
  }

  it('says when the queue opens again, across the DST change, only for the opening mention', async () => {
    await route('71001');
    await route('71001'); // joins the conversation it opened
    const client = app.get(NatsClient);
    const first = await eventually(
      async () => {
        const routed = await readEvents(client, Events.ConversationRouted);

        return routed.length === 2 ? routed : undefined;
      },
      { what: 'both mentions routed' },
    );
    // Paris moves to summer time on Sunday 29 March: Monday 09:00 is 07:00Z, not 08:00Z.
    expect(first[0]).toMatchObject({
      opened: true,
      status: 'waiting',
      queueClosed: { reopensAt: '2026-03-30T07:00:00.000Z', timezone: 'Europe/Paris' },
    });
    expect(first[1]).toMatchObject({ opened: false });
    expect(first[1]?.queueClosed).toBeUndefined();

    clock.set('2026-03-30T08:00:00Z'); // Monday 10:00 in Paris
    await route('71002');
    const all = await eventually(
      async () => {
        const routed = await readEvents(client, Events.ConversationRouted);

        return routed.length === 3 ? routed : undefined;
      },
      { what: 'weekday mention routed' },
    );
    expect(all[2]).toMatchObject({ opened: true });
    expect(all[2]?.queueClosed).toBeUndefined();
  });
});
