import { randomUUID } from 'node:crypto';
import { Events, type ConversationRoutedV1 } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { routed } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/**
 * X judges every tweet on its own: the conversation's reply path is the one of the customer's
 * latest public message, re-decided by each routed batch, never by an older (late or redelivered)
 * tweet or by a DM. Through the real process and JetStream.
 */
describe("the conversation's reply path follows the customer's latest public message", () => {
  const conversations = new ConversationsStack('reply-path-test');
  const { env, pg } = conversations;
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const conversationId = randomUUID();
  const authorId = '424242';
  const t0 = Date.parse('2026-03-01T10:00:00.000Z');
  let bus: EventBus;
  let seq = 0;

  async function deliver(p: {
    minutes: number;
    replyPath: ConversationRoutedV1['mention']['replyPath'];
    channel?: 'public' | 'dm';
  }): Promise<void> {
    const id = String(9_000_000 + ++seq);
    const e = routed({
      brandId,
      conversationId,
      queueId,
      opened: seq === 1,
      replyPath: p.replyPath,
      tweet: { id, text: `message ${seq}`, authorId, authorHandle: 'jane_rp' },
    });
    e.mention.channel = p.channel ?? 'public';
    e.mention.tweet.createdAt = new Date(t0 + p.minutes * 60_000).toISOString();
    await bus.publish(Events.ConversationRouted, e, { brandId, msgId: `routed:${brandId}:${id}` });
    await eventually(
      async () => {
        const { rows } = await pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${schema}.messages WHERE brand_id = $1 AND x_id = $2`,
          [brandId, id],
        );

        return rows[0]?.n === '1';
      },
      { what: `message ${seq} stored` },
    );
  }

  async function path(): Promise<{ reply_path: string; reply_path_at: Date | null }> {
    const { rows } = await pg.query<{ reply_path: string; reply_path_at: Date | null }>(
      `SELECT reply_path, reply_path_at FROM ${schema}.conversations WHERE brand_id = $1 AND id = $2`,
      [brandId, conversationId],
    );

    return rows[0]!;
  }

  beforeAll(async () => {
    bus = new EventBus(await conversations.start());
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('is re-decided by a newer public tweet, kept against an older one and a DM', async () => {
    // Opened by a tweet that names the brand without mentioning it.
    await deliver({ minutes: 0, replyPath: 'manual' });
    expect(await path()).toMatchObject({ reply_path: 'manual' });
    // The customer then @mentions the brand: a public reply is allowed.
    await deliver({ minutes: 2, replyPath: 'public' });
    expect(await path()).toEqual({ reply_path: 'public', reply_path_at: new Date(t0 + 2 * 60_000) });
    // A tweet written before that one arrives late (backfill): the newer decision stands.
    await deliver({ minutes: 1, replyPath: 'manual' });
    expect(await path()).toMatchObject({ reply_path: 'public' });
    // A DM says nothing about answering in public.
    await deliver({ minutes: 3, replyPath: 'dm', channel: 'dm' });
    expect(await path()).toMatchObject({ reply_path: 'public' });
    // The latest public tweet does not mention the brand: X refuses an API reply to it.
    await deliver({ minutes: 4, replyPath: 'manual' });
    expect(await path()).toEqual({ reply_path: 'manual', reply_path_at: new Date(t0 + 4 * 60_000) });
  });
});
