import { randomUUID } from 'node:crypto';
import { ConversationsRpc, DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { brandRepliesTo, injectCustomerTweet, seedConversation } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

async function refusal(
  p: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown> | undefined }> {
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
  const conversations = new ConversationsStack('actions-test', {}, { routing: true });
  const { env, stack, pg } = conversations;
  const schema = `${env.schemaPrefix}conversations`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentA = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'AB' };
  const agentB = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'CD' };
  const supervisor = {
    brandId,
    agentId: randomUUID(),
    agentRole: 'supervisor' as const,
    agentInitials: 'SU',
  };
  let nats: NatsClient;
  let rpc: RpcClient;

  async function conversation(opts: { replyPath?: string } = {}) {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares my parcel is lost',
    });
    const ids = await seedConversation(pg, { schema, brandId, queueId, tweet, ...opts });

    return { ...ids, tweet };
  }

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    for (const actor of [agentA, agentB, supervisor]) await conversations.register(actor);
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('refuses overlong, PII-bearing and guideline-breaking replies with typed errors, and posts nothing', async () => {
    const c = await conversation();
    const reply = (text: string) =>
      rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text });

    const long = await refusal(reply('x'.repeat(280)));
    expect(long).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'REPLY_TOO_LONG' } });
    expect((long.details?.errors as Array<{ overflow: number }>)[0]?.overflow).toBe(4); // " ^AB" counts

    const pii = await refusal(reply('Please confirm your email jane.doe@example.com'));
    expect(pii).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'PII_IN_PUBLIC_REPLY' } });
    expect((pii.details?.errors as Array<{ suggestion: string }>)[0]?.suggestion).toBe('dm');

    expect(
      await refusal(
        rpc.request(ConversationsRpc.SetGuidelines, {
          ...agentA,
          guidelines: { bannedPhrases: ['calm down'], queueHours: {} },
        }),
      ),
    ).toMatchObject({
      code: ErrorCode.Forbidden,
    });
    // A forged claim: an agent's id with the supervisor role is judged on routing's stored role.
    expect(
      await refusal(
        rpc.request(ConversationsRpc.SetGuidelines, {
          ...agentA,
          agentRole: 'supervisor',
          guidelines: { bannedPhrases: [], queueHours: {} },
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'SUPERVISOR_REQUIRED', role: 'agent' },
    });
    expect(
      await refusal(
        rpc.request(ConversationsRpc.SaveCanned, {
          ...agentA,
          agentRole: 'admin',
          language: 'en',
          title: 'forged',
          body: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'SUPERVISOR_REQUIRED' },
    });
    await rpc.request(ConversationsRpc.SetGuidelines, {
      ...supervisor,
      guidelines: { bannedPhrases: ['calm down'], queueHours: { default: '8-20 CET' } },
    });
    const banned = await refusal(reply('Please calm down, we are on it'));
    expect(banned).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'GUIDELINE_VIOLATION' },
    });

    expect(await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id)).toHaveLength(0);
  });

  it('refuses a public reply X would not allow and offers the other paths', async () => {
    const c = await conversation({ replyPath: 'dm' });

    const err = await refusal(
      rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text: 'Hello there' }),
    );

    expect(err).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'PUBLIC_REPLY_NOT_ALLOWED', offered: ['dm', 'open_in_x', 'quote'] },
    });
    expect(err.details?.openInXUrl).toBe(`https://x.com/${c.tweet.authorHandle}/status/${c.tweet.id}`);
    const detail = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: c.conversationId,
    });
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
    expect((rejected.reason as DomainError).details).toMatchObject({
      reason: 'MESSAGE_ALREADY_ANSWERED',
      messageXId: c.tweet.id,
    });
    expect(await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id)).toHaveLength(1);
  });

  it('releases the claim when X refuses a reply, so the agent or another can answer', async () => {
    const c = await conversation();
    const sim = stack.url('twitter-sim');
    const fault = await fetch(`${sim}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'POST /2/tweets', status: 403, count: 1 }),
    });
    expect(fault.status).toBe(201);

    const refused = await refusal(
      rpc.request(Rpc.Reply, { ...agentA, conversationId: c.conversationId, text: 'Looking into it now' }),
    );
    expect(refused).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'X_REFUSED', status: 403 },
    });
    const { rows } = await pg.query<{ answered_by: string | null }>(
      `SELECT answered_by FROM "${schema}".messages WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2`,
      [brandId, c.tweet.id],
    );
    expect(rows).toEqual([{ answered_by: null }]);

    const answered = await rpc.request(Rpc.Reply, {
      ...agentB,
      conversationId: c.conversationId,
      text: 'Your parcel left the depot today',
    });
    expect(answered.status).toBe('sent');
    expect((await brandRepliesTo(sim, c.tweet.id)).map((r) => r.text)).toEqual([
      `@${c.tweet.authorHandle} Your parcel left the depot today ^CD`,
    ]);
  });

  it('lets only one of two moves to DM loaded at the same version proceed (typed CONFLICT, one invitation)', async () => {
    const c = await conversation();
    const { version } = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: c.conversationId,
    });
    const move = (agent: typeof agentA, n: number) =>
      rpc.request(ConversationsRpc.MoveToDm, {
        ...agent,
        conversationId: c.conversationId,
        invitation: `We sent you a DM (${n})`,
        dmText: 'Hi! Could you share your order number here?',
        expectedVersion: version,
      });
    const results = await Promise.allSettled([move(agentA, 1), move(agentB, 2)]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect((rejected.reason as DomainError).details).toMatchObject({
      reason: 'VERSION_MISMATCH',
      expectedVersion: version,
    });
    expect((rejected.reason as DomainError).code).toBe(ErrorCode.Conflict);
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

    const prompt = await refusal(
      rpc.request(ConversationsRpc.Resolve, { ...agentA, conversationId: c.conversationId }),
    );
    expect(prompt).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'FOLLOW_UP_REQUIRED', replyTo: c.tweet.id },
    });

    const done = await rpc.request(ConversationsRpc.Resolve, {
      ...agentA,
      conversationId: c.conversationId,
      followUp: 'Sorted in DM, thanks for your patience',
    });
    expect(done.result.status).toBe('resolved');
    const replies = await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id);
    expect(replies.map((r) => r.text)).toEqual([
      `@${c.tweet.authorHandle} We sent you a DM to sort this out ^AB`,
      `@${c.tweet.authorHandle} Sorted in DM, thanks for your patience ^AB`,
    ]);

    const stale = await refusal(
      rpc.request(ConversationsRpc.Tag, {
        ...agentB,
        conversationId: c.conversationId,
        add: ['late'],
        remove: [],
        expectedVersion: 1,
      }),
    );
    expect(stale).toMatchObject({ code: ErrorCode.Conflict, details: { reason: 'VERSION_MISMATCH' } });
    const reopened = await rpc.request(ConversationsRpc.Reopen, {
      ...agentB,
      conversationId: c.conversationId,
    });
    expect(reopened.status).toBe('waiting');
    const tagged = await rpc.request(ConversationsRpc.Tag, {
      ...agentB,
      conversationId: c.conversationId,
      add: ['late', 'parcel'],
      remove: [],
      expectedVersion: reopened.version,
    });
    expect(tagged.tags).toEqual(['late', 'parcel']);
    await rpc.request(ConversationsRpc.AddNote, {
      ...agentB,
      conversationId: c.conversationId,
      text: 'Customer prefers DMs',
    });

    // Tags are any agent's; the VIP flag (a routing lever) a supervisor's.
    await rpc.request(ConversationsRpc.UpdateCustomer, {
      ...agentB,
      customerId: c.customerId,
      addTags: ['frequent'],
    });
    const profile = await rpc.request(ConversationsRpc.UpdateCustomer, {
      ...supervisor,
      customerId: c.customerId,
      vip: true,
    });
    expect(profile).toMatchObject({ vip: true, tags: ['frequent'], handle: c.tweet.authorHandle });
    expect(profile.notes.map((n) => [n.text, n.authorInitials])).toEqual([['Customer prefers DMs', 'CD']]);
    expect(profile.history).toHaveLength(1);
    expect(profile.history[0]?.messageCount).toBe(4); // tweet, invitation, DM, follow-up

    const { rows } = await pg.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM "${schema}".audit_log WHERE conversation_id = $1 ORDER BY id`,
      [c.conversationId],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'dm_invitation.requested',
      'reply.sent',
      'dm.requested',
      'dm.sent',
      'conversation.moved_to_dm',
      'follow_up.requested',
      'reply.sent',
      'conversation.resolved',
      'conversation.reopened',
      'conversation.tagged',
      'note.added',
    ]);
  });

  it('renders a canned reply with the customer name, agent initials and queue hours', async () => {
    const c = await conversation();
    const canned = await rpc.request(ConversationsRpc.SaveCanned, {
      ...supervisor,
      language: 'en',
      title: 'hours',
      body: 'Hi {{customer_name}}, we answer {{queue_hours}}. {{agent_initials}}',
    });
    const out = await rpc.request(ConversationsRpc.RenderCanned, {
      ...agentA,
      conversationId: c.conversationId,
      cannedReplyId: canned.id,
    });
    expect(out.text).toBe(`Hi ${c.tweet.authorHandle}, we answer 8-20 CET. AB`);
  });

  it('lists open conversations most urgent first, then longest open, page by page without gaps or repeats', async () => {
    const brand = randomUUID();
    const seeded: Array<{ id: string; priority: number }> = [];
    for (const [i, priority] of [50, 90, 50, 10, 90, 50].entries()) {
      const tweet = await injectCustomerTweet(stack.url('twitter-sim'), { text: `@acmecares order ${i}` });
      const { conversationId } = await seedConversation(pg, {
        schema,
        brandId: brand,
        queueId,
        tweet,
        status: 'waiting',
      });
      await pg.query(
        `UPDATE "${schema}".conversations SET priority = $3, opened_at = now() - make_interval(mins => $4) WHERE brand_id = $1 AND id = $2`,
        [brand, conversationId, priority, 60 - i],
      );
      seeded.push({ id: conversationId, priority });
    }
    // Expected: priority desc; among equals the one opened earlier (smaller i) first.
    const expected = seeded
      .map((c, i) => ({ ...c, i }))
      .sort((a, b) => b.priority - a.priority || a.i - b.i)
      .map((c) => c.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const res = await rpc.request(Rpc.ListConversations, {
        brandId: brand,
        first: 2,
        order: 'urgent',
        ...(after ? { after } : {}),
      });
      seen.push(...res.edges.map((e) => e.node.id));
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(expected);
  });
});
