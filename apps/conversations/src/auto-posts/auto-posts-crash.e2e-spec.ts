import { randomUUID } from 'node:crypto';
import { ConversationsRpc, Events, type MessageSentV1 } from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { brandRepliesTo, injectCustomerTweet, routed } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';
import { DEFAULT_OOH_ACK_TEMPLATE } from '../common/auto-post-defaults';

const ROUNDS = Number(process.env.AUTO_POSTS_CRASH_TEST_ROUNDS ?? 5);
/** The queue is closed until Tuesday 08:00 UTC. */
const CLOSED = { reopensAt: '2026-11-24T08:00:00.000Z', timezone: 'America/New_York' };

/** As an admin routing knows: conversations asks routing the actor's role for this supervisor-only write. */
async function enableAck(
  conversations: ConversationsStack,
  nats: NatsClient,
  brandId: string,
): Promise<void> {
  const admin = { brandId, agentId: randomUUID(), agentRole: 'admin' as const, agentInitials: 'AD' };
  await conversations.register(admin);
  await new RpcClient(nats, 10_000).request(ConversationsRpc.SetAutoPosts, {
    ...admin,
    settings: {
      outOfHoursAck: { enabled: true, templates: { en: DEFAULT_OOH_ACK_TEMPLATE } },
      waitStatus: {
        enabled: false,
        queueId: null,
        template: '',
        timezone: 'UTC',
        accountHandle: null,
        minIntervalMinutes: 60,
        minChangePercent: 20,
      },
    },
  });
}

/**
 * The out-of-hours acknowledgement across crashes: the service dies right after X accepted it,
 * before the ledger commit; after the restart the reconciler finds it on X and commits it, and a
 * redelivered routed mention posts nothing more. Every acknowledgement is on twitter-sim once,
 * none is announced as a response.
 */
describe('out-of-hours acknowledgement: a crash between posting and committing', () => {
  const conversations = new ConversationsStack(
    'ooh-crash-test',
    {
      ROOST_TEST_CRASH_AFTER_POST: 'true',
      CONVERSATIONS_OUTBOUND_LEASE_MS: '500',
      CONVERSATIONS_RECONCILE_INTERVAL_MS: '200',
    },
    { routing: true },
  );
  const { env, stack, pg } = conversations;
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const sent: MessageSentV1[] = [];
  let nats: NatsClient;
  let bus: EventBus;

  beforeAll(async () => {
    nats = await conversations.start();
    bus = new EventBus(nats);
    const s = nats.nc.subscribe(nats.topology.eventFilter(Events.MessageSent));
    void (async () => {
      for await (const m of s) sent.push(m.json<MessageSentV1>());
    })();
    await enableAck(conversations, nats, brandId);
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it(`posts every acknowledgement exactly once across ${ROUNDS} crashes`, async () => {
    const tweets: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
        text: `@acmecares order ${i} is missing`,
      });
      tweets.push(tweet.id);
      const conversationId = randomUUID();
      const event = routed({
        brandId,
        queueId,
        conversationId,
        tweet,
        opened: true,
        name: `Customer ${i}`,
        closed: CLOSED,
      });
      await bus.publish(Events.ConversationRouted, event, {
        brandId,
        msgId: `routed:${brandId}:${tweet.id}`,
      });

      await conversations.crashed(i);
      expect(await brandRepliesTo(stack.url('twitter-sim'), tweet.id)).toHaveLength(1);
      // Routing's redelivery of the same mention (another msg id), handled after the restart.
      await bus.publish(Events.ConversationRouted, event, {
        brandId,
        msgId: `routed:${brandId}:${tweet.id}:again`,
      });
      await stack.restart('conversations');
      await conversations.settled(
        `ooh-ack:${conversationId}`,
        `acknowledgement ${i} settled by the reconciler`,
      );
    }

    for (const id of tweets) expect(await brandRepliesTo(stack.url('twitter-sim'), id)).toHaveLength(1);
    const { rows } = await pg.query<{ n: string; d: string; firsts: string }>(
      `SELECT count(*) AS n, count(DISTINCT m.x_id) AS d, count(c.first_response_at) AS firsts
       FROM ${schema}.messages m JOIN ${schema}.conversations c ON c.brand_id = m.brand_id AND c.id = m.conversation_id
       WHERE m.brand_id = $1 AND m.direction = 'outbound' AND m.status = 'sent'`,
      [brandId],
    );
    expect({ n: Number(rows[0]!.n), d: Number(rows[0]!.d), firsts: Number(rows[0]!.firsts) }).toEqual({
      n: ROUNDS,
      d: ROUNDS,
      firsts: 0,
    });
    expect(sent.filter((s) => s.brandId === brandId)).toEqual([]);
  }, 600_000);
});

/**
 * Acknowledgements wait in memory for their turn to post; one whose lease ran out meanwhile belongs
 * to the reconciler, which looks on X before posting. With a lease of 0 (expired before anyone can take it over), every
 * acknowledgement is posted by the reconciler alone: once each, one attempt each.
 */
describe('out-of-hours acknowledgement: a queued post whose lease expired', () => {
  const conversations = new ConversationsStack(
    'ooh-lease-test',
    {
      CONVERSATIONS_OUTBOUND_LEASE_MS: '0',
      CONVERSATIONS_RECONCILE_INTERVAL_MS: '100',
    },
    { routing: true },
  );
  const { env, stack, pg } = conversations;
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  let nats: NatsClient;

  beforeAll(async () => {
    nats = await conversations.start();
    await enableAck(conversations, nats, brandId);
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('leaves it to the reconciler: posted once, attempted once', async () => {
    const bus = new EventBus(nats);
    const tweets = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        injectCustomerTweet(stack.url('twitter-sim'), { text: `@acmecares parcel ${i} lost` }),
      ),
    );
    await Promise.all(
      tweets.map((tweet, i) =>
        bus.publish(
          Events.ConversationRouted,
          routed({
            brandId,
            queueId: randomUUID(),
            conversationId: randomUUID(),
            tweet,
            opened: true,
            name: `Night ${i}`,
            closed: CLOSED,
          }),
          {
            brandId,
            msgId: `routed:${brandId}:${tweet.id}`,
          },
        ),
      ),
    );

    const rows = await eventually(
      async () => {
        const { rows: r } = await pg.query<{ state: string; attempts: number }>(
          `SELECT state, attempts FROM ${schema}.outbound_ledger WHERE brand_id = $1 AND purpose = 'ooh_ack'`,
          [brandId],
        );

        return r.length === tweets.length && r.every((x) => x.state === 'sent') ? r : null;
      },
      { timeoutMs: 30_000, what: 'every acknowledgement settled' },
    );
    expect(rows.map((r) => r.attempts)).toEqual(tweets.map(() => 1));
    for (const t of tweets) expect(await brandRepliesTo(stack.url('twitter-sim'), t.id)).toHaveLength(1);
  });
});
