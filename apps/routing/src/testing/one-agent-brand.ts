import type { INestApplication } from '@nestjs/common';
import { Events, type ConversationRoutedV1 } from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { eventually, readEvents } from '@roost/testing';
import { DataSource } from 'typeorm';
import { asBrand } from './db';
import type { ManualClock } from '@roost/testing';
import { mention } from './state-builder';

/** Shifts that cover the whole week in the agent's zone: always on shift. */
export const ALL_WEEK = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })),
);

/**
 * A brand with one care queue (reopen window 60 minutes) and one online agent always on shift in
 * it: the smallest routing a restart or catch-up test needs. `q` runs as the brand (or the owner).
 */
export async function seedOneAgentBrand(
  q: { query(sql: string, params?: unknown[]): Promise<unknown> },
  p: { brandId: string; queueId: string; agentId: string; name: string; capacity: number },
): Promise<void> {
  await q.query(`INSERT INTO brands (id, name) VALUES ($1, $2)`, [p.brandId, p.name]);
  await q.query(
    `INSERT INTO queues (brand_id, id, name, team, reopen_window_minutes) VALUES ($1, $2, 'care', 'care', 60)`,
    [p.brandId, p.queueId],
  );
  await q.query(
    `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
     VALUES ($1, $2, $3, 'One Agent', 'OA', 'agent', 'x', '{en}', 'UTC', 'online', $4, $5)`,
    [p.brandId, p.agentId, `${p.name}@t.example`, p.capacity, ALL_WEEK],
  );
  await q.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
    p.brandId,
    p.agentId,
    p.queueId,
  ]);
}

/**
 * Events a restart test drives through the real routing app (whichever instance `app()` answers
 * now): a customer's mention, counted among every routed event of the namespace, and an agent's
 * resolution, awaited until stored.
 */
export function oneAgentEvents(p: {
  app: () => INestApplication;
  clock: ManualClock;
  brandId: string;
  queueId: string;
  agentId: string;
}) {
  const { brandId, queueId, agentId } = p;

  return {
    /** The customer's mention, routed as the namespace's `n`-th `conversation.routed`. */
    async route(
      n: number,
      customer: string,
      channel: 'public' | 'dm' = 'public',
    ): Promise<ConversationRoutedV1> {
      const m = { ...mention({ customer }), brandId, channel };
      await p
        .app()
        .get(EventBus)
        .publish(Events.MentionReceived, m, { brandId, msgId: `t:${m.tweet.id}` });

      return eventually(
        async () => {
          const routed = await readEvents(p.app().get(NatsClient), Events.ConversationRouted);

          return routed.length === n ? routed[n - 1] : undefined;
        },
        { what: `mention ${n} routed` },
      );
    },

    /** The agent resolves it now (the clock's time), as conversations would announce it. */
    async resolve(r: ConversationRoutedV1): Promise<void> {
      const at = new Date(p.clock.now()).toISOString();
      await p
        .app()
        .get(EventBus)
        .publish(
          Events.ConversationStatusChanged,
          {
            schema: 1,
            brandId,
            conversationId: r.conversationId,
            queueId,
            assigneeId: agentId,
            status: 'resolved',
            previousStatus: 'assigned',
            reason: 'resolved',
            actorId: agentId,
            openedAt: r.routedAt,
            at,
          },
          { brandId, msgId: `resolved:${r.conversationId}:${at}` },
        );
      await eventually(
        async () => {
          const rows: Array<{ status: string }> = await asBrand(p.app().get(DataSource), brandId).query(
            `SELECT status FROM conversations WHERE id = $1`,
            [r.conversationId],
          );

          return rows[0]?.status === 'resolved';
        },
        { what: 'resolution stored' },
      );
    },
  };
}
