import { randomUUID } from 'node:crypto';
import type { ConversationRoutedV1 } from '@roost/contracts';
import type { Client } from 'pg';

/** The demo brand's care handle on twitter-sim (seeded, enterprise tier: may reply in public). */
export const BRAND_HANDLE = 'acmecares';

export interface SimTweetRef {
  id: string;
  authorId: string;
  authorHandle: string;
  text: string;
}

/** Posts a customer tweet on twitter-sim (as X would receive it) and returns what a conversation needs. */
export async function injectCustomerTweet(
  simUrl: string,
  p: { text: string; authorHandle?: string; inReplyToTweetId?: string },
): Promise<SimTweetRef> {
  const authorHandle = p.authorHandle ?? `cust_${randomUUID().slice(0, 8)}`;
  const res = await fetch(`${simUrl}/sim/tweets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      text: p.text,
      authorHandle,
      ...(p.inReplyToTweetId ? { inReplyToTweetId: p.inReplyToTweetId } : {}),
    }),
  });
  if (res.status !== 201) throw new Error(`inject failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const got = (await (await fetch(`${simUrl}/sim/tweets/${id}`)).json()) as {
    data: { author_id: string; text: string };
  };

  return { id, authorId: got.data.author_id, authorHandle, text: got.data.text };
}

/** The brand's replies to a tweet, as twitter-sim holds them. */
export async function brandRepliesTo(
  simUrl: string,
  tweetId: string,
): Promise<Array<{ id: string; text: string; author_id: string }>> {
  const res = (await (await fetch(`${simUrl}/sim/tweets/${tweetId}/replies`)).json()) as {
    data?: Array<{ id: string; text: string; author_id: string }>;
  };
  const brand = (await (await fetch(`${simUrl}/sim/users/${BRAND_HANDLE}`)).json()) as {
    data: { id: string };
  };

  return (res.data ?? []).filter((t) => t.author_id === brand.data.id);
}

/**
 * Stores a conversation with one inbound tweet straight in the conversations schema, as the routed
 * consumer would, so outbound tests need neither ingest nor routing.
 */
export async function seedConversation(
  pg: Client,
  p: {
    schema: string;
    brandId: string;
    queueId: string;
    tweet: SimTweetRef;
    replyPath?: string;
    channel?: 'public' | 'dm';
    status?: string;
    assigneeId?: string;
  },
): Promise<{ conversationId: string; customerId: string }> {
  const conversationId = randomUUID();
  const s = `"${p.schema}"`;
  const { rows } = await pg.query<{ id: string }>(
    `INSERT INTO ${s}.customers (brand_id, id, x_user_id, handle, name) VALUES ($1,$2,$3,$4,$4)
     ON CONFLICT (brand_id, x_user_id) DO UPDATE SET handle = EXCLUDED.handle RETURNING id`,
    [p.brandId, randomUUID(), p.tweet.authorId, p.tweet.authorHandle],
  );
  const customerId = rows[0]!.id;
  await pg.query(
    `INSERT INTO ${s}.conversations (brand_id, id, customer_id, channel, status, queue_id, priority, language, sentiment, intent,
       reply_path, account_handle, x_conversation_id, opened_at, last_message_at, assignee_id)
     VALUES ($1,$2,$3,$4,$5,$6,50,'en','negative','complaint',$7,$8,$9,now(),now(),$10)`,
    [
      p.brandId,
      conversationId,
      customerId,
      p.channel ?? 'public',
      p.status ?? 'assigned',
      p.queueId,
      p.replyPath ?? 'public',
      BRAND_HANDLE,
      p.tweet.id,
      p.assigneeId ?? null,
    ],
  );
  await pg.query(
    `INSERT INTO ${s}.messages (brand_id, id, conversation_id, direction, channel, x_id, text, author_x_id, author_handle, status, source, created_at)
     VALUES ($1,$2,$3,'inbound',$8,$4,$5,$6,$7,'received','stream',now())`,
    [
      p.brandId,
      randomUUID(),
      conversationId,
      p.tweet.id,
      p.tweet.text,
      p.tweet.authorId,
      p.tweet.authorHandle,
      p.channel ?? 'public',
    ],
  );

  return { conversationId, customerId };
}

/** conversation.routed as routing publishes it for a customer's tweet (with `closed`: into a queue outside business hours). */
export function routed(p: {
  brandId: string;
  conversationId: string;
  queueId: string;
  tweet: SimTweetRef;
  opened: boolean;
  closed?: { reopensAt: string | null; timezone: string };
  replyPath?: ConversationRoutedV1['mention']['replyPath'];
  language?: string;
  name?: string;
}): ConversationRoutedV1 {
  const at = new Date().toISOString();

  return {
    schema: 1,
    brandId: p.brandId,
    conversationId: p.conversationId,
    opened: p.opened,
    queueId: p.queueId,
    priority: 50,
    status: 'waiting',
    assigneeId: null,
    mention: {
      schema: 1,
      brandId: p.brandId,
      source: 'stream',
      channel: 'public',
      tweet: { id: p.tweet.id, text: p.tweet.text, createdAt: at },
      author: {
        id: p.tweet.authorId,
        handle: p.tweet.authorHandle,
        name: p.name ?? 'Jane Doe',
        followersCount: 3,
        verified: false,
      },
      account: { id: randomUUID(), handle: BRAND_HANDLE, role: 'care', xUserId: '1' },
      replyPath: p.replyPath ?? 'public',
      matchedRules: [],
      classification: {
        language: p.language ?? 'en',
        sentiment: { label: 'negative', score: -0.5 },
        intent: 'complaint',
        pii: [],
        priority: 50,
      },
      receivedAt: at,
    },
    queueSnapshot: { waiting: 1, assigned: 0, oldestWaitingSince: at },
    routedAt: at,
    ...(p.closed ? { queueClosed: p.closed } : {}),
  };
}
