import { randomUUID } from 'node:crypto';
import {
  Events,
  LiveEvents,
  type ConversationAssignedV1,
  type ConversationRoutedV1,
  type ConversationStatusChangedV1,
  type QueueUpdatedV1,
} from '@roost/contracts';
import { EventBus, NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { injectCustomerTweet, seedConversation, type SimTweetRef } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/** A conversation.routed for `tweet` as routing publishes it, into an existing conversation. */
function routed(p: {
  brandId: string;
  conversationId: string;
  queueId: string;
  assigneeId: string;
  tweet: SimTweetRef;
  createdAt: Date;
}): ConversationRoutedV1 {
  return {
    schema: 1,
    brandId: p.brandId,
    conversationId: p.conversationId,
    opened: false,
    queueId: p.queueId,
    priority: 50,
    status: 'assigned',
    assigneeId: p.assigneeId,
    mention: {
      schema: 1,
      brandId: p.brandId,
      source: 'stream',
      channel: 'public',
      tweet: { id: p.tweet.id, text: p.tweet.text, createdAt: p.createdAt.toISOString() },
      author: {
        id: p.tweet.authorId,
        handle: p.tweet.authorHandle,
        name: p.tweet.authorHandle,
        followersCount: 3,
        verified: false,
      },
      account: { id: randomUUID(), handle: 'acmecares', role: 'care', xUserId: '1' },
      replyPath: 'public',
      matchedRules: [],
      classification: {
        language: 'en',
        sentiment: { label: 'negative', score: -0.5 },
        intent: 'complaint',
        pii: [],
        priority: 50,
      },
      receivedAt: p.createdAt.toISOString(),
    },
    queueSnapshot: { waiting: 0, assigned: 1, oldestWaitingSince: null },
    routedAt: new Date().toISOString(),
  };
}

function assigned(p: {
  brandId: string;
  conversationId: string;
  queueId: string;
  assigneeId: string;
  at: Date;
}): ConversationAssignedV1 {
  return {
    schema: 1,
    brandId: p.brandId,
    conversationId: p.conversationId,
    queueId: p.queueId,
    previousQueueId: null,
    assigneeId: p.assigneeId,
    previousAssigneeId: null,
    status: 'assigned',
    reason: 'transfer',
    translationHint: false,
    priority: 50,
    actorId: null,
    queueSnapshot: { waiting: 0, assigned: 1, oldestWaitingSince: null },
    at: p.at.toISOString(),
  };
}

/** The conversations service's consumers of routing's events, through the real process and JetStream. */
describe('conversation.routed and conversation.assigned consumers', () => {
  const conversations = new ConversationsStack('events-test');
  const { env, stack, pg } = conversations;
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentId = randomUUID();
  let nats: NatsClient;
  let bus: EventBus;
  const statusEvents: ConversationStatusChangedV1[] = [];
  const liveEvents: QueueUpdatedV1[] = [];

  async function row(id: string) {
    const { rows } = await pg.query<{
      status: string;
      resolved_at: Date | null;
      queue_id: string;
      assignee_id: string | null;
      n: string;
    }>(
      `SELECT c.status, c.resolved_at, c.queue_id, c.assignee_id,
         (SELECT count(*) FROM ${schema}.messages m WHERE m.brand_id = c.brand_id AND m.conversation_id = c.id) AS n
       FROM ${schema}.conversations c WHERE c.brand_id = $1 AND c.id = $2`,
      [brandId, id],
    );

    return rows[0]!;
  }

  async function closed(status: 'resolved' | 'snoozed') {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), { text: '@acmecares still no parcel' });
    const { conversationId } = await seedConversation(pg, {
      schema: `${env.schemaPrefix}conversations`,
      brandId,
      queueId,
      tweet,
      status,
    });
    // Closed a minute ago, after the first message.
    await pg.query(
      `UPDATE ${schema}.conversations SET resolved_at = CASE WHEN status = 'resolved' THEN now() - interval '1 minute' END,
         snoozed_until = CASE WHEN status = 'snoozed' THEN now() + interval '1 hour' END, last_message_at = now() - interval '2 minutes'
       WHERE brand_id = $1 AND id = $2`,
      [brandId, conversationId],
    );

    return conversationId;
  }

  beforeAll(async () => {
    nats = await conversations.start();
    bus = new EventBus(nats);
    // JetStream publishes reach plain subscribers too: watch what conversations announces.
    const sub = nats.nc.subscribe(nats.topology.eventFilter(Events.ConversationStatusChanged, brandId));
    void (async () => {
      for await (const m of sub) statusEvents.push(m.json<ConversationStatusChangedV1>());
    })();
    // The consumers tell consoles after each event they handled: proof an event was processed.
    const live = nats.nc.subscribe(nats.topology.liveFilter(LiveEvents.QueueUpdated, brandId));
    void (async () => {
      for await (const m of live) liveEvents.push(m.json<QueueUpdatedV1>());
    })();
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('reopens a resolved conversation when the customer writes again, and announces it', async () => {
    const conversationId = await closed('resolved');
    const again = await injectCustomerTweet(stack.url('twitter-sim'), { text: '@acmecares hello? anyone?' });
    await bus.publish(
      Events.ConversationRouted,
      routed({ brandId, conversationId, queueId, assigneeId: agentId, tweet: again, createdAt: new Date() }),
      {
        brandId,
        msgId: `routed:${brandId}:${again.id}`,
      },
    );

    const now = await eventually(
      async () => ((await row(conversationId)).status === 'assigned' ? row(conversationId) : null),
      { what: 'reopened' },
    );
    expect(now).toMatchObject({ resolved_at: null, assignee_id: agentId, n: '2' });
    const ev = await eventually(() => statusEvents.find((e) => e.conversationId === conversationId), {
      what: 'status_changed',
    });
    expect(ev).toMatchObject({
      previousStatus: 'resolved',
      status: 'assigned',
      reason: 'reopened_by_customer',
      assigneeId: agentId,
    });
  });

  it('wakes a snoozed conversation on a customer message (unsnoozed)', async () => {
    const conversationId = await closed('snoozed');
    const again = await injectCustomerTweet(stack.url('twitter-sim'), { text: '@acmecares any news?' });
    await bus.publish(
      Events.ConversationRouted,
      routed({ brandId, conversationId, queueId, assigneeId: agentId, tweet: again, createdAt: new Date() }),
      {
        brandId,
        msgId: `routed:${brandId}:${again.id}`,
      },
    );

    const ev = await eventually(() => statusEvents.find((e) => e.conversationId === conversationId), {
      what: 'status_changed',
    });
    expect(ev).toMatchObject({ previousStatus: 'snoozed', status: 'assigned', reason: 'unsnoozed' });
  });

  it('does not reopen for a message older than the resolution (a redelivered old mention)', async () => {
    const conversationId = await closed('resolved');
    const old = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares (sent before you resolved it)',
    });
    await bus.publish(
      Events.ConversationRouted,
      routed({
        brandId,
        conversationId,
        queueId,
        assigneeId: agentId,
        tweet: old,
        createdAt: new Date(Date.now() - 3_600_000),
      }),
      { brandId, msgId: `routed:${brandId}:${old.id}` },
    );

    const stored = await eventually(
      async () => ((await row(conversationId)).n === '2' ? row(conversationId) : null),
      { what: 'old message stored' },
    );
    expect(stored.status).toBe('resolved');
    expect(stored.resolved_at).not.toBeNull();
    expect(statusEvents.filter((e) => e.conversationId === conversationId)).toEqual([]);
  });

  it('applies conversation.assigned (transfer) and ignores an older one delivered later', async () => {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares wrong size delivered',
    });
    const { conversationId } = await seedConversation(pg, {
      schema: `${env.schemaPrefix}conversations`,
      brandId,
      queueId,
      tweet,
    });
    const [q2, agentB, agentC] = [randomUUID(), randomUUID(), randomUUID()];
    const t = Date.now();

    await bus.publish(
      Events.ConversationAssigned,
      assigned({ brandId, conversationId, queueId: q2, assigneeId: agentB, at: new Date(t) }),
      {
        brandId,
        msgId: `assigned:${conversationId}:1`,
      },
    );
    await eventually(async () => (await row(conversationId)).assignee_id === agentB, {
      what: 'transfer applied',
    });
    expect(await row(conversationId)).toMatchObject({ queue_id: q2, status: 'assigned' });

    // An event from before the transfer, handled after it, must not undo it.
    const oldQueue = randomUUID();
    await bus.publish(
      Events.ConversationAssigned,
      assigned({ brandId, conversationId, queueId: oldQueue, assigneeId: agentC, at: new Date(t - 60_000) }),
      {
        brandId,
        msgId: `assigned:${conversationId}:0`,
      },
    );
    await eventually(
      () => liveEvents.find((e) => e.conversationId === conversationId && e.queueId === oldQueue),
      { what: 'old event handled' },
    );
    expect(await row(conversationId)).toMatchObject({ queue_id: q2, assignee_id: agentB });

    await bus.publish(
      Events.ConversationAssigned,
      assigned({ brandId, conversationId, queueId: q2, assigneeId: agentC, at: new Date(t + 1000) }),
      {
        brandId,
        msgId: `assigned:${conversationId}:2`,
      },
    );
    await eventually(async () => (await row(conversationId)).assignee_id === agentC, {
      what: 'newer transfer applied',
    });
  });

  it('keeps a resolved conversation resolved when routing moves its assignee', async () => {
    const conversationId = await closed('resolved');
    const agentB = randomUUID();
    await bus.publish(
      Events.ConversationAssigned,
      assigned({ brandId, conversationId, queueId, assigneeId: agentB, at: new Date() }),
      {
        brandId,
        msgId: `assigned:${conversationId}:1`,
      },
    );
    await eventually(async () => (await row(conversationId)).assignee_id === agentB, {
      what: 'assignee updated',
    });
    expect((await row(conversationId)).status).toBe('resolved');
  });
});
