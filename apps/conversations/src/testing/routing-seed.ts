import { randomUUID } from 'node:crypto';
import { Events } from '@roost/contracts';
import { EventBus, type NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { Client } from 'pg';
import { routed, type SimTweetRef } from './conversation-fixtures';

const ALL_WEEK = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })));

/**
 * A brand in the real routing service's schema (ConversationsStack with `routing: true`): queues
 * and online agents on shift all week, written before routing first loads the brand.
 */
export async function seedRoutingBrand(
  pg: Client,
  p: {
    schemaPrefix: string;
    brandId: string;
    queues: Array<{ id: string; name: string }>;
    agents: Array<{ id: string; name: string; initials: string; role: string; queueIds: string[] }>;
  },
): Promise<void> {
  const s = `"${p.schemaPrefix}routing"`;
  await pg.query(`INSERT INTO ${s}.brands (id, name) VALUES ($1, 'test brand') ON CONFLICT DO NOTHING`, [
    p.brandId,
  ]);
  for (const q of p.queues) {
    await pg.query(`INSERT INTO ${s}.queues (brand_id, id, name, team) VALUES ($1, $2, $3, 'care')`, [
      p.brandId,
      q.id,
      q.name,
    ]);
  }
  for (const a of p.agents) {
    await pg.query(
      `INSERT INTO ${s}.agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
       VALUES ($1, $2, $3, $4, $5, $6, 'x', '{en}', 'UTC', 'online', 5, $7)`,
      [p.brandId, a.id, `${a.id}@t.example`, a.name, a.initials, a.role, ALL_WEEK],
    );
    for (const queueId of a.queueIds) {
      await pg.query(`INSERT INTO ${s}.agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
        p.brandId,
        a.id,
        queueId,
      ]);
    }
  }
}

/**
 * A customer's mention published to routing as ingest would; resolves with the conversation once
 * conversations stored it as routing decided (status and assignee). Routing picks the queue by the
 * brand's rules (none: its first queue); `queueId` only fills the event fixture.
 */
export async function routeMention(
  nats: NatsClient,
  pg: Client,
  p: {
    schemaPrefix: string;
    brandId: string;
    queueId: string;
    tweet?: SimTweetRef;
    /** The tweet opens its own X thread (conversation id = its id); else the customer's threadless mentions join. */
    ownThread?: boolean;
  },
): Promise<{ conversationId: string; assigneeId: string | null; tweet: SimTweetRef }> {
  const n = Math.floor(Math.random() * 1e12);
  const tweet = p.tweet ?? {
    id: String(n),
    authorId: String(n + 1),
    authorHandle: `c${n}`,
    text: '@acmecares help',
  };
  const mention = routed({
    brandId: p.brandId,
    conversationId: randomUUID(),
    queueId: p.queueId,
    tweet,
    opened: true,
  }).mention;
  if (p.ownThread) mention.tweet.conversationId = tweet.id;
  await new EventBus(nats).publish(Events.MentionReceived, mention, {
    brandId: p.brandId,
    msgId: `${p.brandId}:${tweet.id}`,
  });
  const s = `"${p.schemaPrefix}conversations"`;

  return eventually(
    async () => {
      const { rows } = await pg.query<{ id: string; assignee_id: string | null }>(
        `SELECT c.id, c.assignee_id FROM ${s}.conversations c
         JOIN ${s}.messages m ON m.brand_id = c.brand_id AND m.conversation_id = c.id
         WHERE c.brand_id = $1 AND m.x_id = $2`,
        [p.brandId, tweet.id],
      );
      const r = rows[0];

      return r ? { conversationId: r.id, assigneeId: r.assignee_id, tweet } : undefined;
    },
    { what: `mention ${tweet.id} routed and stored` },
  );
}
