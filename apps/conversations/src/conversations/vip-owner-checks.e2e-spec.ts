import { randomInt } from 'node:crypto';
import { DEMO } from '@roost/config';
import { ConversationsRpc, DomainError, Events } from '@roost/contracts';
import { EventBus, RpcClient, type NatsClient } from '@roost/messaging';
import { eventually, makeMentionReceived } from '@roost/testing';
import { ConversationsStack } from '../testing/conversations-stack';

const xId = (): string => String(randomInt(1, 2 ** 47) * 1000 + randomInt(1000));
const BACKFILL = 'AnnounceExistingVips1765100000800';

/**
 * The VIP flag as a routing lever, through the real routing and conversations processes:
 * conversations judges who may change it by the actor's role as routing knows it now (an agent
 * claiming admin is refused; tags stay open to agents), a customer made VIP before routing learned
 * VIPs (migration `1765100000800`) is announced to routing at start, and toggling the flag off and
 * on does not raise an open conversation again.
 */
describe('VIP changes: owner-side role check, existing VIPs, one boost', () => {
  const conversations = new ConversationsStack('vip-owner-checks', {}, { routing: true });
  const { env, pg } = conversations;
  const cs = `"${env.schemaPrefix}conversations"`;
  const rs = `"${env.schemaPrefix}routing"`;
  const brandId = DEMO.brandId;
  // Seeded in routing: Sam Supervisor (a000) and Alice Brown, an agent (a001).
  const supervisor = {
    brandId,
    agentId: '0a9f2c1e-7b1d-4c55-9d3e-acbe0000a000',
    agentRole: 'supervisor' as const,
    agentInitials: 'SS',
  };
  // An agent whose request claims admin: conversations asks routing, which says agent.
  const agent = {
    brandId,
    agentId: '0a9f2c1e-7b1d-4c55-9d3e-acbe0000a001',
    agentRole: 'admin' as const,
    agentInitials: 'AB',
  };
  let nats: NatsClient;
  let rpc: RpcClient;
  let bus: EventBus;

  async function mention(author: string, text: string): Promise<string> {
    const tweetId = xId();
    const m = makeMentionReceived(brandId, tweetId, text);
    m.author = {
      ...m.author,
      id: author,
      handle: `c${author.slice(-6)}`,
      name: `Customer ${author.slice(-4)}`,
    };
    m.tweet.conversationId = tweetId;
    m.classification.priority = 50;
    await bus.publish(Events.MentionReceived, m, { brandId, msgId: `${brandId}:${tweetId}` });

    return tweetId;
  }

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

  async function routingPriority(conversationId: string): Promise<number | undefined> {
    const { rows } = await pg.query<{ priority: number }>(
      `SELECT priority FROM ${rs}.conversations WHERE brand_id = $1 AND id = $2`,
      [brandId, conversationId],
    );

    return rows[0]?.priority;
  }

  async function routingVip(customerXId: string): Promise<{ vip: boolean; changed_at: Date } | undefined> {
    const { rows } = await pg.query<{ vip: boolean; changed_at: Date }>(
      `SELECT vip, changed_at FROM ${rs}.vip_customers WHERE brand_id = $1 AND customer_x_id = $2`,
      [brandId, customerXId],
    );

    return rows[0];
  }

  /** A customer with one open conversation (priority 50, Care (English), VIP boost 20). */
  async function customerWithConversation(): Promise<{
    xUserId: string;
    customerId: string;
    conversationId: string;
  }> {
    const xUserId = xId();
    const conversationId = await conversationOf(await mention(xUserId, '@acmecares my order is late'));
    await eventually(async () => (await routingPriority(conversationId)) === 50, { what: 'routed' });
    const customerId = (await detail(conversationId)).conversation.customer.id;

    return { xUserId, customerId, conversationId };
  }

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    bus = new EventBus(nats);
  }, 180_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('refuses an agent’s VIP change (routing’s role, not the claim) and loses nothing; tags stay open to agents', async () => {
    const { xUserId, customerId, conversationId } = await customerWithConversation();
    const refused = await rpc
      .request(ConversationsRpc.UpdateCustomer, { ...agent, customerId, vip: true, addTags: ['loyal'] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
    expect((refused as DomainError).details).toMatchObject({ reason: 'ROLE', role: 'agent' });
    // Nothing of the refused request was applied, nothing announced.
    const { rows } = await pg.query<{ vip: boolean; tags: string[] }>(
      `SELECT vip, tags FROM ${cs}.customers WHERE brand_id = $1 AND id = $2`,
      [brandId, customerId],
    );
    expect(rows).toEqual([{ vip: false, tags: [] }]);

    const tagged = await rpc.request(ConversationsRpc.UpdateCustomer, {
      ...agent,
      customerId,
      addTags: ['loyal'],
    });
    expect(tagged).toMatchObject({ vip: false, tags: ['loyal'] });

    const made = await rpc.request(ConversationsRpc.UpdateCustomer, { ...supervisor, customerId, vip: true });
    expect(made.vip).toBe(true);
    await eventually(async () => (await routingPriority(conversationId)) === 70, { what: 'boosted once' });
    expect((await routingVip(xUserId))?.vip).toBe(true);

    // Off and on again: routing records both, the open conversation is not raised a second time.
    await rpc.request(ConversationsRpc.UpdateCustomer, { ...supervisor, customerId, vip: false });
    await eventually(async () => (await routingVip(xUserId))?.vip === false, { what: 'made non-VIP' });
    await rpc.request(ConversationsRpc.UpdateCustomer, { ...supervisor, customerId, vip: true });
    await eventually(async () => (await routingVip(xUserId))?.vip === true, { what: 'VIP again' });
    expect(await routingPriority(conversationId)).toBe(70);
    expect((await detail(conversationId)).conversation.priority).toBe(70);
  });

  it('announces customers made VIP before the migration to routing at start, once (a rerun changes nothing)', async () => {
    const { xUserId, customerId, conversationId } = await customerWithConversation();
    // As before issue 13: the flag set in conversations' table, routing never told.
    await pg.query(`UPDATE ${cs}.customers SET vip = true WHERE brand_id = $1 AND id = $2`, [
      brandId,
      customerId,
    ]);
    await pg.query(`DELETE FROM ${cs}.migrations WHERE name = $1`, [BACKFILL]);
    expect(await routingVip(xUserId)).toBeUndefined();

    await conversations.stack.restart('conversations');
    const { rows: applied } = await pg.query(`SELECT 1 FROM ${cs}.migrations WHERE name = $1`, [BACKFILL]);
    expect(applied).toHaveLength(1);
    const known = await eventually(
      async () => {
        const v = await routingVip(xUserId);

        return v?.vip ? v : null;
      },
      { timeoutMs: 20_000, what: 'routing learned the existing VIP' },
    );
    // Their open conversation gets the boost, in routing and in conversations.
    await eventually(async () => (await routingPriority(conversationId)) === 70, { what: 'routing boost' });
    await eventually(async () => (await detail(conversationId)).conversation.priority === 70, {
      what: 'conversations boost',
    });

    // The migration run again: the same events, nothing changes.
    await pg.query(`DELETE FROM ${cs}.migrations WHERE name = $1`, [BACKFILL]);
    await conversations.stack.restart('conversations');
    await eventually(
      async () => {
        const { rows } = await pg.query(`SELECT 1 FROM ${cs}.outbox WHERE event = 'customer.updated'`);

        return rows.length === 0;
      },
      { what: 'outbox published' },
    );
    expect(await routingVip(xUserId)).toEqual(known);
    expect(await routingPriority(conversationId)).toBe(70);
  });
});
