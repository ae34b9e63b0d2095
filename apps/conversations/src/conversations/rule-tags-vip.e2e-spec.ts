import { randomInt } from 'node:crypto';
import { DEMO } from '@roost/config';
import { ConversationsRpc, Events, Rpc, RoutingRpc, type RoutingRule } from '@roost/contracts';
import { EventBus, RpcClient, type NatsClient } from '@roost/messaging';
import { eventually, makeMentionReceived } from '@roost/testing';
import { ConversationsStack } from '../testing/conversations-stack';

const xId = (): string => String(randomInt(1, 2 ** 47) * 1000 + randomInt(1000));

/**
 * Issue 13, rule tags and VIP, through the real routing and conversations processes: a routing
 * rule's tags land on the conversation it opens (once, audited with the rule id); making a
 * customer VIP in conversations reaches routing through the outbox, raises their open
 * conversation's priority by the queue's boost (also in conversations), and sends their next
 * conversation to the VIP-only queue by rule; a customer who is not VIP is left alone.
 */
describe('routing rule tags and VIP customers', () => {
  const conversations = new ConversationsStack('rule-tags-vip', {}, { routing: true });
  const { env, pg } = conversations;
  const cs = `"${env.schemaPrefix}conversations"`;
  const rs = `"${env.schemaPrefix}routing"`;
  const brandId = DEMO.brandId;
  // The seeded admin@acme.example: routing judges its stored role.
  const admin = { brandId, actorId: '0a9f2c1e-7b1d-4c55-9d3e-acbe0000a007', actorRole: 'admin' as const };
  const actor = { brandId, agentId: admin.actorId, agentRole: 'admin' as const, agentInitials: 'AD' };
  let nats: NatsClient;
  let rpc: RpcClient;
  let bus: EventBus;
  let vipQueueId: string;
  let rules: RoutingRule[];

  /** A customer's tweet as ingest publishes it; `thread` is its X conversation id (a new thread by default). */
  async function mention(p: {
    author: string;
    text: string;
    thread?: string;
    priority?: number;
  }): Promise<string> {
    const tweetId = xId();
    const m = makeMentionReceived(brandId, tweetId, p.text);
    m.author = {
      ...m.author,
      id: p.author,
      handle: `c${p.author.slice(-6)}`,
      name: `Customer ${p.author.slice(-4)}`,
    };
    m.tweet.conversationId = p.thread ?? tweetId;
    m.classification.priority = p.priority ?? 50;
    await bus.publish(Events.MentionReceived, m, { brandId, msgId: `${brandId}:${tweetId}` });

    return tweetId;
  }

  /** The conversation conversations stored the tweet in. */
  async function conversationOf(tweetId: string): Promise<string> {
    return eventually(
      async () => {
        const { rows } = await pg.query<{ conversation_id: string }>(
          `SELECT conversation_id FROM ${cs}.messages WHERE brand_id = $1 AND x_id = $2`,
          [brandId, tweetId],
        );

        return rows[0]?.conversation_id ?? null;
      },
      { timeoutMs: 20_000, what: `tweet ${tweetId} stored` },
    );
  }

  const detail = (conversationId: string) =>
    rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId });

  async function listed(conversationId: string) {
    const page = await rpc.request(Rpc.ListConversations, { brandId, first: 100 });

    return page.edges.find((e) => e.node.id === conversationId)?.node;
  }

  async function routingPriority(conversationId: string): Promise<number | undefined> {
    const { rows } = await pg.query<{ priority: number }>(
      `SELECT priority FROM ${rs}.conversations WHERE brand_id = $1 AND id = $2`,
      [brandId, conversationId],
    );

    return rows[0]?.priority;
  }

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    bus = new EventBus(nats);
    // A VIP-only queue nobody staffs (its conversations wait), with its own boost.
    const vip = await rpc.request(RoutingRpc.UpsertQueue, {
      ...admin,
      queue: {
        name: 'VIP desk',
        team: 'care',
        timezone: 'UTC',
        businessHours: [],
        slaTargets: [],
        slaWarnRatio: 0.8,
        slaWarnPriorityBoost: 10,
        slaBreachAction: 'none',
        escalationQueueId: null,
        strategy: 'least_loaded',
        stickyWindowMinutes: null,
        relaxLanguageAfterMinutes: null,
        vipPriorityBoost: 30,
      },
    });
    vipQueueId = vip.id;
    ({ rules } = await rpc.request(RoutingRpc.ReplaceRules, {
      ...admin,
      rules: [
        {
          name: 'VIPs',
          enabled: true,
          queueId: vipQueueId,
          priorityBoost: 0,
          tags: ['vip'],
          conditions: { vip: true },
        },
        {
          name: 'Refunds',
          enabled: true,
          queueId: DEMO.queues.careEn.id,
          priorityBoost: 0,
          tags: ['refund', 'billing'],
          conditions: { keywords: ['refund'] },
        },
        {
          name: 'Everyone else',
          enabled: true,
          queueId: DEMO.queues.careEn.id,
          priorityBoost: 0,
          tags: [],
          conditions: {},
        },
      ],
    }));
  }, 180_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('keeps the VIP boost per queue (20 by default) and the rules’ vip condition', async () => {
    const { queues } = await rpc.request(RoutingRpc.ListQueues, admin);
    expect(queues.find((q) => q.id === vipQueueId)?.vipPriorityBoost).toBe(30);
    expect(queues.find((q) => q.id === DEMO.queues.careEn.id)?.vipPriorityBoost).toBe(20);
    const listed = await rpc.request(RoutingRpc.ListRules, admin);
    expect(listed.rules.map((r) => [r.name, r.conditions.vip, r.tags])).toEqual([
      ['VIPs', true, ['vip']],
      ['Refunds', undefined, ['refund', 'billing']],
      ['Everyone else', undefined, []],
    ]);
  });

  it('adds the tags of the rule that opened the conversation, once, audited with the rule id', async () => {
    const customer = xId();
    const first = await mention({ author: customer, text: '@acmecares I want a refund for order 12' });
    const conversationId = await conversationOf(first);
    const refunds = rules.find((r) => r.name === 'Refunds')!;
    const tagged = await eventually(
      async () => {
        const d = await detail(conversationId);

        return d.tags.length > 0 ? d : null;
      },
      { what: 'rule tags on the conversation' },
    );
    expect(tagged.tags).toEqual(['billing', 'refund']);
    expect((await listed(conversationId))?.tags).toEqual(['billing', 'refund']);
    // A follow-up in the same thread matching the rule again joins the conversation: no second tagging.
    const second = await mention({
      author: customer,
      text: '@acmecares still waiting for that refund',
      thread: first,
    });
    expect(await conversationOf(second)).toBe(conversationId);
    const { rows } = await pg.query<{ actor_id: string | null; details: { ruleId: string; tags: string[] } }>(
      `SELECT actor_id, details FROM ${cs}.audit_log WHERE brand_id = $1 AND conversation_id = $2 AND action = 'conversation.tagged_by_rule'`,
      [brandId, conversationId],
    );
    expect(rows).toEqual([{ actor_id: null, details: { ruleId: refunds.id, tags: ['refund', 'billing'] } }]);
    // A mention no tagging rule caught leaves its conversation untagged.
    const plain = await conversationOf(
      await mention({ author: xId(), text: '@acmecares where is my parcel' }),
    );
    expect((await detail(plain)).tags).toEqual([]);
  });

  it('a customer made VIP gets their open conversation raised and their next one routed to the VIP queue; others do not', async () => {
    const vip = xId();
    const other = xId();
    const vipTweet = await mention({ author: vip, text: '@acmecares my order is late' });
    const vipOpen = await conversationOf(vipTweet);
    const otherOpen = await conversationOf(
      await mention({ author: other, text: '@acmecares my order is late too' }),
    );
    expect((await detail(vipOpen)).conversation.priority).toBe(50);
    const customerId = (await detail(vipOpen)).conversation.customer.id;

    const profile = await rpc.request(ConversationsRpc.UpdateCustomer, { ...actor, customerId, vip: true });
    expect(profile.vip).toBe(true);
    // Routing learns it through conversations' outbox and raises the open conversation by its queue's boost (20).
    await eventually(async () => (await routingPriority(vipOpen)) === 70, {
      what: 'routing raised the priority',
    });
    await eventually(async () => (await detail(vipOpen)).conversation.priority === 70, {
      what: 'conversations holds the raised priority',
    });
    const row = await listed(vipOpen);
    expect(row?.customer.vip).toBe(true);
    expect(await routingPriority(otherOpen)).toBe(50);
    expect((await detail(otherOpen)).conversation.priority).toBe(50);

    // A new thread: the VIP rule sends it to the VIP desk, boosted by that queue's 30, tagged `vip`.
    const vipNext = await conversationOf(await mention({ author: vip, text: '@acmecares another problem' }));
    const next = await detail(vipNext);
    expect(next.conversation).toMatchObject({ queueId: vipQueueId, priority: 80 });
    expect(next.tags).toEqual(['vip']);
    // A VIP's message joining the open conversation counts boosted too: 60 + 20 = 80 > 70.
    const joined = await mention({
      author: vip,
      text: '@acmecares any news?',
      thread: vipTweet,
      priority: 60,
    });
    expect(await conversationOf(joined)).toBe(vipOpen);
    expect(await routingPriority(vipOpen)).toBe(80);
    expect((await detail(vipOpen)).conversation.priority).toBe(80);
    const otherNext = await conversationOf(
      await mention({ author: other, text: '@acmecares another problem' }),
    );
    const plain = await detail(otherNext);
    expect(plain.conversation).toMatchObject({ queueId: DEMO.queues.careEn.id, priority: 50 });
    expect(plain.tags).toEqual([]);
    expect((await listed(otherNext))?.customer.vip).toBe(false);

    // The VIP set is routing's own state: persisted, so a reload (a second instance, a restart) has it.
    const { rows } = await pg.query<{ vip: boolean }>(
      `SELECT vip FROM ${rs}.vip_customers WHERE brand_id = $1 AND customer_x_id = $2`,
      [brandId, vip],
    );
    expect(rows).toEqual([{ vip: true }]);
  });
});
