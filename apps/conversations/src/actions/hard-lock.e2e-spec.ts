import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  Rpc,
  RoutingRpc,
  type QueueConfigInput,
} from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { brandRepliesTo, injectCustomerTweet } from '../testing/conversation-fixtures';
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
 * A queue's hard lock, end to end through the real routing and conversations processes: routing's
 * queue upsert sets it, conversations learns it from routing and lets only the assignee reply, DM,
 * move to DM or resolve with a follow-up; a supervisor takes over (audited) and is then the one
 * who answers. An unlocked queue keeps today's rule (anyone of the queue answers).
 */
describe('hard lock per queue (routing + conversations processes, twitter-sim, PostgreSQL + NATS)', () => {
  const conversations = new ConversationsStack('hard-lock');
  const { env, stack, pg } = conversations;
  const schemaPrefix = env.schemaPrefix;
  const brandId = randomUUID();
  const locked = { id: randomUUID(), name: 'vip' };
  const open = { id: randomUUID(), name: 'care' };
  const ann = {
    id: randomUUID(),
    name: 'Ann Smith',
    initials: 'AS',
    role: 'agent',
    queueIds: [locked.id, open.id],
  };
  const bob = { id: randomUUID(), name: 'Bob Jones', initials: 'BJ', role: 'agent', queueIds: [] };
  const sue = { id: randomUUID(), name: 'Sue Lead', initials: 'SL', role: 'supervisor', queueIds: [] };
  const actor = (a: typeof ann) => ({
    brandId,
    agentId: a.id,
    agentRole: a.role as 'agent' | 'supervisor',
    agentInitials: a.initials,
  });
  let nats: NatsClient;
  let rpc: RpcClient;

  function queueInput(q: { id: string; name: string }, hardLock?: boolean): QueueConfigInput {
    return {
      id: q.id,
      name: q.name,
      team: 'care',
      timezone: 'UTC',
      businessHours: [],
      slaTargets: [],
      slaWarnRatio: 0.8,
      slaWarnPriorityBoost: 0,
      slaBreachAction: 'none',
      escalationQueueId: null,
      strategy: 'least_loaded',
      stickyWindowMinutes: null,
      relaxLanguageAfterMinutes: null,
      ...(hardLock === undefined ? {} : { hardLock }),
    };
  }

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    // Only Ann works the queues, so routing gives her every conversation.
    await seedRoutingBrand(pg, { schemaPrefix, brandId, queues: [locked, open], agents: [ann, bob, sue] });
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  async function conversation(queueId: string) {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares my card was charged twice',
    });

    return routeMention(nats, pg, { schemaPrefix, brandId, queueId, tweet });
  }

  it('is a queue setting: off by default, set and kept by routing’s queue upsert', async () => {
    const asSue = { brandId, actorId: sue.id, actorRole: 'supervisor' as const };
    const set = await rpc.request(RoutingRpc.UpsertQueue, { ...asSue, queue: queueInput(locked, true) });
    expect(set.hardLock).toBe(true);
    // Absent: unchanged.
    expect(
      (await rpc.request(RoutingRpc.UpsertQueue, { ...asSue, queue: queueInput(locked) })).hardLock,
    ).toBe(true);
    expect((await rpc.request(RoutingRpc.UpsertQueue, { ...asSue, queue: queueInput(open) })).hardLock).toBe(
      false,
    );
    expect(await rpc.request(RoutingRpc.LockedQueues, { brandId })).toEqual({ queueIds: [locked.id] });
    // An agent cannot lock a queue (routing judges the stored role, not the claim).
    expect(
      await refusal(
        rpc.request(RoutingRpc.UpsertQueue, {
          brandId,
          actorId: bob.id,
          actorRole: 'supervisor',
          queue: queueInput(open, true),
        }),
      ),
    ).toMatchObject({ code: ErrorCode.Forbidden });
  });

  it('lets only the assignee reply, DM, move to DM or resolve with a follow-up; others get CONVERSATION_LOCKED naming the assignee', async () => {
    const c = await conversation(locked.id);
    expect(c.assigneeId).toBe(ann.id);
    const detail = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: c.conversationId,
    });
    expect(detail.hardLock).toBe(true);
    const lockedOut = {
      code: ErrorCode.Forbidden,
      details: { reason: 'CONVERSATION_LOCKED', assigneeId: ann.id },
    };

    for (const who of [bob, sue]) {
      const conversationId = c.conversationId;
      expect(
        await refusal(rpc.request(Rpc.Reply, { ...actor(who), conversationId, text: 'On it' })),
      ).toMatchObject(lockedOut);
      expect(
        await refusal(
          rpc.request(ConversationsRpc.SendDm, { ...actor(who), conversationId, text: 'Hi there' }),
        ),
      ).toMatchObject(lockedOut);
      expect(
        await refusal(
          rpc.request(ConversationsRpc.MoveToDm, {
            ...actor(who),
            conversationId,
            invitation: 'Please check your DMs',
            dmText: 'Hi, your order number?',
            expectedVersion: detail.version,
          }),
        ),
      ).toMatchObject(lockedOut);
      expect(
        await refusal(
          rpc.request(ConversationsRpc.Resolve, { ...actor(who), conversationId, followUp: 'All sorted' }),
        ),
      ).toMatchObject(lockedOut);
    }
    // Nothing was posted or recorded, and the refused move took no version.
    const { rows } = await pg.query(
      `SELECT 1 FROM "${schemaPrefix}conversations".outbound_ledger WHERE conversation_id = $1`,
      [c.conversationId],
    );
    expect(rows).toHaveLength(0);
    expect(
      (await rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId: c.conversationId })).version,
    ).toBe(detail.version);

    const reply = await rpc.request(Rpc.Reply, {
      ...actor(ann),
      conversationId: c.conversationId,
      text: 'Sorry about that, refunding now',
    });
    expect(reply.status).toBe('sent');
    expect(await brandRepliesTo(stack.url('twitter-sim'), c.tweet.id)).toHaveLength(1);
  });

  it('a supervisor takes over (agents may not): audited, then the supervisor answers and the former assignee is locked out', async () => {
    const c = await conversation(locked.id);
    expect(
      await refusal(
        rpc.request(RoutingRpc.TakeOver, {
          brandId,
          actorId: bob.id,
          actorRole: 'supervisor',
          conversationId: c.conversationId,
        }),
      ),
    ).toMatchObject({ code: ErrorCode.Forbidden, details: { reason: 'SUPERVISOR_REQUIRED' } });

    const view = await rpc.request(RoutingRpc.TakeOver, {
      brandId,
      actorId: sue.id,
      actorRole: 'supervisor',
      conversationId: c.conversationId,
    });
    expect(view).toMatchObject({ assigneeId: sue.id, status: 'assigned' });
    await eventually(
      async () =>
        (await rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId: c.conversationId }))
          .conversation.assigneeId === sue.id,
      { what: 'take-over applied in conversations' },
    );
    const { rows: audit } = await pg.query<{ actor_id: string; details: { fromAgentId: string } }>(
      `SELECT actor_id, details FROM "${schemaPrefix}conversations".audit_log WHERE conversation_id = $1 AND action = 'conversation.taken_over'`,
      [c.conversationId],
    );
    expect(audit).toEqual([{ actor_id: sue.id, details: expect.objectContaining({ fromAgentId: ann.id }) }]);

    const reply = await rpc.request(Rpc.Reply, {
      ...actor(sue),
      conversationId: c.conversationId,
      text: 'Taking this one',
    });
    expect(reply.status).toBe('sent');
    expect(
      await refusal(
        rpc.request(Rpc.Reply, { ...actor(ann), conversationId: c.conversationId, text: 'Me again' }),
      ),
    ).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'CONVERSATION_LOCKED', assigneeId: sue.id },
    });
  });

  it('an unlocked queue keeps today’s rule: a colleague may answer', async () => {
    // Routing opens conversations in the first queue (no rules); a supervisor moves this one.
    const c = await conversation(open.id);
    await rpc.request(RoutingRpc.Transfer, {
      brandId,
      actorId: sue.id,
      actorRole: 'supervisor',
      conversationId: c.conversationId,
      toQueueId: open.id,
    });
    await eventually(
      async () => {
        const d = await rpc.request(ConversationsRpc.GetDetail, {
          brandId,
          conversationId: c.conversationId,
        });

        return (
          d.conversation.queueId === open.id && d.conversation.assigneeId === ann.id && d.hardLock === false
        );
      },
      { what: 'moved to the unlocked queue, Ann again' },
    );
    const reply = await rpc.request(Rpc.Reply, {
      ...actor(bob),
      conversationId: c.conversationId,
      text: 'Helping out here',
    });
    expect(reply.status).toBe('sent');
  });
});
