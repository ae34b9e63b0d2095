import { randomUUID } from 'node:crypto';
import { ConversationsRpc, DomainError, ErrorCode, Rpc, RoutingRpc } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { injectCustomerTweet } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';
import { routeMention, seedRoutingBrand } from '../testing/routing-seed';

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

/**
 * Issue 13 review: merge and split are not a way around assignment or a queue's hard lock, and
 * neither is an agent's self-assign in routing. Through the real routing and conversations
 * processes, twitter-sim, PostgreSQL and NATS, in a hard-locked queue: an agent takes nor merges
 * nor splits a colleague's case; a supervisor who is not the assignee is locked out as for a reply;
 * the assignee merges; nobody answers through the merged case; a resolved case is never a target.
 */
describe('who may merge, split and take a case (routing + conversations processes)', () => {
  const conversations = new ConversationsStack('case-permissions');
  const { env, stack, pg } = conversations;
  const schemaPrefix = env.schemaPrefix;
  const brandId = randomUUID();
  const locked = { id: randomUUID(), name: 'vip' };
  const ann = { id: randomUUID(), name: 'Ann Smith', initials: 'AS', role: 'agent', queueIds: [locked.id] };
  const cal = { id: randomUUID(), name: 'Cal Ray', initials: 'CR', role: 'agent', queueIds: [locked.id] };
  const sue = { id: randomUUID(), name: 'Sue Lead', initials: 'SL', role: 'supervisor', queueIds: [] };
  const actor = (a: typeof ann) => ({
    brandId,
    agentId: a.id,
    agentRole: a.role as 'agent' | 'supervisor',
    agentInitials: a.initials,
  });
  const handle = `perm_${randomUUID().slice(0, 6)}`;
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    await seedRoutingBrand(pg, { schemaPrefix, brandId, queues: [locked], agents: [ann, cal, sue] });
    await pg.query(
      `UPDATE "${schemaPrefix}routing".queues SET hard_lock = true WHERE brand_id = $1 AND id = $2`,
      [brandId, locked.id],
    );
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  /** A case of the one customer, assigned to Ann (a supervisor moves it to her when routing chose Cal). */
  async function annsCase(text: string) {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), { text, authorHandle: handle });
    const c = await routeMention(nats, pg, {
      schemaPrefix,
      brandId,
      queueId: locked.id,
      tweet,
      ownThread: true,
    });
    if (c.assigneeId !== ann.id) {
      await rpc.request(RoutingRpc.Transfer, {
        brandId,
        actorId: sue.id,
        actorRole: 'supervisor',
        conversationId: c.conversationId,
        toAgentId: ann.id,
      });
    }
    await eventually(
      async () =>
        (await rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId: c.conversationId }))
          .conversation.assigneeId === ann.id,
      { what: 'assigned to Ann in conversations' },
    );

    return c;
  }

  async function messageCount(conversationId: string): Promise<number> {
    const { rows } = await pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${schemaPrefix}conversations".messages WHERE brand_id = $1 AND conversation_id = $2`,
      [brandId, conversationId],
    );

    return Number(rows[0]?.n);
  }

  it('an agent cannot take, merge or split a colleague’s case; a supervisor who is not the assignee is locked out', async () => {
    const target = await annsCase('@acmecares my card was charged twice');
    const source = await annsCase('@acmecares charged twice, again!');

    // Routing: an agent of the queue may not take Ann's conversation (TakeOver is the supervisors' way).
    expect(
      await refusal(
        rpc.request(RoutingRpc.Assign, {
          brandId,
          actorId: cal.id,
          actorRole: 'agent',
          conversationId: target.conversationId,
          agentId: cal.id,
        }),
      ),
    ).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'CONVERSATION_LOCKED', assigneeId: ann.id },
    });

    const merge = (who: typeof ann) =>
      rpc.request(ConversationsRpc.Merge, {
        ...actor(who),
        targetId: target.conversationId,
        sourceId: source.conversationId,
      });
    expect(await refusal(merge(cal))).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'NOT_ASSIGNEE' },
    });
    expect(await refusal(merge(sue))).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'CONVERSATION_LOCKED', assigneeId: ann.id },
    });
    const { rows: inbound } = await pg.query<{ id: string }>(
      `SELECT id FROM "${schemaPrefix}conversations".messages WHERE brand_id = $1 AND conversation_id = $2`,
      [brandId, source.conversationId],
    );
    expect(
      await refusal(
        rpc.request(ConversationsRpc.Split, {
          ...actor(cal),
          conversationId: source.conversationId,
          messageId: inbound[0]?.id ?? randomUUID(),
        }),
      ),
    ).toMatchObject({ code: ErrorCode.Forbidden, details: { reason: 'NOT_ASSIGNEE' } });
    // Nothing moved, nothing changed hands.
    expect([await messageCount(target.conversationId), await messageCount(source.conversationId)]).toEqual([
      1, 1,
    ]);

    // The assignee merges; nobody answers through the merged case afterwards, not even her.
    const done = await merge(ann);
    expect(done.source.status).toBe('resolved');
    expect(
      await refusal(
        rpc.request(Rpc.Reply, {
          ...actor(ann),
          conversationId: source.conversationId,
          text: 'Still there?',
        }),
      ),
    ).toMatchObject({
      code: ErrorCode.Conflict,
      details: { reason: 'CONVERSATION_MERGED', mergedInto: target.conversationId },
    });
    const { rows } = await pg.query(
      `SELECT 1 FROM "${schemaPrefix}conversations".outbound_ledger WHERE conversation_id = $1`,
      [source.conversationId],
    );
    expect(rows).toHaveLength(0);
  });

  it('refuses a resolved target (the open case would be closed with it) and merges the other way', async () => {
    const older = await annsCase('@acmecares the app logs me out');
    await rpc.request(ConversationsRpc.Resolve, {
      ...actor(ann),
      conversationId: older.conversationId,
      skipFollowUp: true,
    });
    const open = await annsCase('@acmecares logged out again');
    expect(
      await refusal(
        rpc.request(ConversationsRpc.Merge, {
          ...actor(ann),
          targetId: older.conversationId,
          sourceId: open.conversationId,
        }),
      ),
    ).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'MERGE_TARGET_RESOLVED', conversationId: older.conversationId },
    });
    const stillOpen = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: open.conversationId,
    });
    expect(stillOpen.conversation.status).toBe('assigned');
    expect(stillOpen.mergedIntoId ?? null).toBeNull();

    const done = await rpc.request(ConversationsRpc.Merge, {
      ...actor(ann),
      targetId: open.conversationId,
      sourceId: older.conversationId,
    });
    expect(done.target.status).toBe('assigned');
    expect(await messageCount(open.conversationId)).toBe(2);
  });
});
