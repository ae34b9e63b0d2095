import { randomUUID } from 'node:crypto';
import { ConversationsRpc, DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, testEnv, TestStack } from '@roost/testing';
import { Client } from 'pg';
import { brandRepliesTo, injectCustomerTweet, seedConversation } from '../testing/conversation-fixtures';

async function refusal(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> | undefined }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a typed refusal, the call succeeded');
}

/** Agent actions through the real service process, against twitter-sim and PostgreSQL. */
describe('conversation actions and reply rules', () => {
  const env = testEnv();
  const stack = new TestStack({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ROOST_DEMO_SEED: 'true',
    ROOST_NATS_NAMESPACE: env.natsNamespace,
    ROOST_SCHEMA_PREFIX: env.schemaPrefix,
    DATABASE_URL: env.databaseUrl,
    NATS_SERVERS: env.natsServers.join(','),
    SIM_TRAFFIC_RATE: '0',
  });
  const pg = new Client({ connectionString: env.databaseUrl });
  const schema = `${env.schemaPrefix}conversations`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentA = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'AB' };
  const agentB = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'CD' };
  const supervisor = { brandId, agentId: randomUUID(), agentRole: 'supervisor' as const, agentInitials: 'SU' };
  let nats: NatsClient;
  let rpc: RpcClient;

  async function conversation(opts: { replyPath?: string } = {}) {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), { text: '@acmecares my parcel is lost' });
    const ids = await seedConversation(pg, { schema, brandId, queueId, tweet, ...opts });

    return { ...ids, tweet };
  }

  beforeAll(async () => {
    await stack.init();
    await stack.start(['twitter-sim']);
    await stack.start(['conversations']);
    await pg.connect();
    nats = await NatsClient.connect({ servers: env.natsServers, name: 'actions-test', namespace: env.natsNamespace, log: silentLogger });
    rpc = new RpcClient(nats, 10_000);
  }, 120_000);

  afterAll(async () => {
    await stack.stop();
    await nats?.drain();
    await pg.end();
    await cleanupNamespace(env);
  });

  it('refuses overlong, PII-bearing and guideline-breaking replies with typed errors, and posts nothing', async () => {
    const c = await conversation();
    const reply = (text: string) => rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text });

    const long = await refusal(reply('x'.repeat(280)));
    expect(long).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'REPLY_TOO_LONG' } });
    expect((long.details?.errors as Array<{ overflow: number }>)[0]?.overflow).toBe(4); // " ^AB" counts

    const pii = await refusal(reply('Please confirm your email jane.doe@example.com'));
    expect(pii).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'PII_IN_PUBLIC_REPLY' } });
    expect((pii.details?.errors as Array<{ suggestion: string }>)[0]?.suggestion).toBe('dm');

    expect(await refusal(rpc.request(ConversationsRpc.SetGuidelines, { ...agentA, guidelines: { bannedPhrases: ['calm down'], queueHours: {} } }))).toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await rpc.request(ConversationsRpc.SetGuidelines, { ...supervisor, guidelines: { bannedPhrases: ['calm down'], queueHours: { default: '8-20 CET' } } });
    const banned = await refusal(reply('Please calm down, we are on it'));
    expect(banned).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'GUIDELINE_VIOLATION' } });

    expect(await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id)).toHaveLength(0);
  });

  it('refuses a public reply X would not allow and offers the other paths', async () => {
    const c = await conversation({ replyPath: 'dm' });

    const err = await refusal(rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text: 'Hello there' }));

    expect(err).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'PUBLIC_REPLY_NOT_ALLOWED', offered: ['dm', 'open_in_x', 'quote'] } });
    expect(err.details?.openInXUrl).toBe(`https://x.com/${c.tweet.authorHandle}/status/${c.tweet.id}`);
    const detail = await rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId: c.conversationId });
    expect(detail.replyOptions).toMatchObject({ public: false, offered: ['dm', 'open_in_x', 'quote'] });
  });

  it('lets only one agent answer a customer message (typed CONFLICT naming the message)', async () => {
    const c = await conversation();
    const [a, b] = await Promise.allSettled([
      rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text: 'Looking into it now' }),
      rpc.request(Rpc.Reply, { ...agentB, conversationId: c.conversationId, text: 'Checking your parcel' }),
    ]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect((rejected.reason as DomainError).code).toBe(ErrorCode.Conflict);
    expect((rejected.reason as DomainError).details).toMatchObject({ reason: 'MESSAGE_ALREADY_ANSWERED', messageXId: c.tweet.id });
    expect(await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id)).toHaveLength(1);
  });

  it('moves to DM, asks for a public follow-up before resolving, then resolves; every step audited', async () => {
    const c = await conversation();
    const moved = await rpc.request(ConversationsRpc.MoveToDm, {
      ...agentA,
      conversationId: c.conversationId,
      invitation: 'We sent you a DM to sort this out',
      dmText: 'Hi! Could you share your order number here?',
      idempotencyKey: `move-${randomUUID()}`,
    });
    expect(moved.invitation.status).toBe('sent');
    expect(moved.dm).toMatchObject({ status: 'sent', channel: 'dm' });

    const prompt = await refusal(rpc.request(ConversationsRpc.Resolve, { ...agentA, conversationId: c.conversationId }));
    expect(prompt).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'FOLLOW_UP_REQUIRED', replyTo: c.tweet.id } });

    const done = await rpc.request(ConversationsRpc.Resolve, { ...agentA, conversationId: c.conversationId, followUp: 'Sorted in DM, thanks for your patience' });
    expect(done.result.status).toBe('resolved');
    const replies = await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id);
    expect(replies.map((r) => r.text)).toEqual([
      `@${c.tweet.authorHandle} We sent you a DM to sort this out ^AB`,
      `@${c.tweet.authorHandle} Sorted in DM, thanks for your patience ^AB`,
    ]);

    const stale = await refusal(rpc.request(ConversationsRpc.Tag, { ...agentB, conversationId: c.conversationId, add: ['late'], remove: [], expectedVersion: 1 }));
    expect(stale).toMatchObject({ code: ErrorCode.Conflict, details: { reason: 'VERSION_MISMATCH' } });
    const reopened = await rpc.request(ConversationsRpc.Reopen, { ...agentB, conversationId: c.conversationId });
    expect(reopened.status).toBe('waiting');
    const tagged = await rpc.request(ConversationsRpc.Tag, { ...agentB, conversationId: c.conversationId, add: ['late', 'parcel'], remove: [], expectedVersion: reopened.version });
    expect(tagged.tags).toEqual(['late', 'parcel']);
    await rpc.request(ConversationsRpc.AddNote, { ...agentB, conversationId: c.conversationId, text: 'Customer prefers DMs' });

    const profile = await rpc.request(ConversationsRpc.UpdateCustomer, { ...agentB, customerId: c.customerId, vip: true, addTags: ['frequent'] });
    expect(profile).toMatchObject({ vip: true, tags: ['frequent'], handle: c.tweet.authorHandle });
    expect(profile.notes.map((n) => [n.text, n.authorInitials])).toEqual([['Customer prefers DMs', 'CD']]);
    expect(profile.history).toHaveLength(1);
    expect(profile.history[0]?.messageCount).toBe(4); // tweet, invitation, DM, follow-up

    const { rows } = await pg.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM "${schema}".audit_log WHERE conversation_id = $1 ORDER BY id`,
      [c.conversationId],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'dm_invitation.requested', 'reply.sent', 'dm.requested', 'dm.sent', 'conversation.moved_to_dm',
      'follow_up.requested', 'reply.sent', 'conversation.resolved', 'conversation.reopened', 'conversation.tagged', 'note.added',
    ]);
  });

  it('renders a canned reply with the customer name, agent initials and queue hours', async () => {
    const c = await conversation();
    const canned = await rpc.request(ConversationsRpc.SaveCanned, {
      ...supervisor, language: 'en', title: 'hours', body: 'Hi {{customer_name}}, we answer {{queue_hours}}. {{agent_initials}}',
    });
    const out = await rpc.request(ConversationsRpc.RenderCanned, { ...agentA, conversationId: c.conversationId, cannedReplyId: canned.id });
    expect(out.text).toBe(`Hi ${c.tweet.authorHandle}, we answer 8-20 CET. AB`);
  });
});
