import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  Events,
  Rpc,
  type ConversationStatusChangedV1,
} from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { injectCustomerTweet, routed, seedConversation } from '../testing/conversation-fixtures';
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

/**
 * Issue 13: stitching suggestions and merging in the conversations service (the owner), through
 * the real process, PostgreSQL and JetStream; routing answers the actor's role. Routing's and
 * metrics' side of a merge, and split, are in e2e/cases-merge-split.e2e-spec.ts.
 */
describe('case suggestions and merge (conversations)', () => {
  const conversations = new ConversationsStack('cases-test', {}, { routing: true });
  const { env, stack, pg } = conversations;
  const schema = `${env.schemaPrefix}conversations`;
  const s = `"${schema}"`;
  const brandId = randomUUID();
  const otherBrandId = randomUUID();
  const queueId = randomUUID();
  const agent = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'AB' };
  const stranger = {
    brandId: otherBrandId,
    agentId: randomUUID(),
    agentRole: 'supervisor' as const,
    agentInitials: 'ZZ',
  };
  let nats: NatsClient;
  let rpc: RpcClient;
  let bus: EventBus;
  const statusEvents: ConversationStatusChangedV1[] = [];

  async function open(p: { text: string; handle: string; brand?: string }) {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: p.text,
      authorHandle: p.handle,
    });
    const ids = await seedConversation(pg, {
      schema,
      brandId: p.brand ?? brandId,
      queueId,
      tweet,
      // The acting agent's own cases: an agent merges only cases assigned to them.
      assigneeId: p.brand ? stranger.agentId : agent.agentId,
    });

    return { ...ids, tweet };
  }

  async function messageCount(conversationId: string): Promise<number> {
    const { rows } = await pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${s}.messages WHERE brand_id = $1 AND conversation_id = $2`,
      [brandId, conversationId],
    );

    return Number(rows[0]?.n);
  }

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    bus = new EventBus(nats);
    await conversations.register(agent);
    await conversations.register(stranger);
    const sub = nats.nc.subscribe(nats.topology.eventFilter(Events.ConversationStatusChanged, brandId));
    void (async () => {
      for await (const m of sub) statusEvents.push(m.json<ConversationStatusChangedV1>());
    })();
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('suggests the same customer’s other open case, merges it with its notes and tags, and refuses bad merges with typed errors', async () => {
    const handle = `merge_${randomUUID().slice(0, 6)}`;
    const a = await open({ text: '@acmecares my router keeps rebooting', handle });
    const b = await open({ text: '@acmecares still rebooting, any idea?', handle });
    const other = await open({
      text: '@acmecares my bill is wrong',
      handle: `other_${randomUUID().slice(0, 6)}`,
    });
    const foreign = await open({ text: '@acmecares hello from another brand', handle, brand: otherBrandId });
    await rpc.request(ConversationsRpc.AddNote, {
      ...agent,
      conversationId: b.conversationId,
      text: 'Asked for the model',
    });
    await rpc.request(ConversationsRpc.Tag, {
      ...agent,
      conversationId: b.conversationId,
      add: ['router'],
      remove: [],
    });

    const { suggestions } = await rpc.request(ConversationsRpc.CaseSuggestions, {
      brandId,
      conversationId: a.conversationId,
    });
    expect(suggestions.map((x) => [x.conversationId, x.reason])).toEqual([
      [b.conversationId, 'other_thread'],
    ]);
    // The same customer writing to the brand's other handle is suggested too, and says so; a case
    // resolved more than 24 h ago is not.
    const handles = await open({ text: '@acme my router again', handle });
    await pg.query(`UPDATE ${s}.conversations SET account_handle = 'acme' WHERE brand_id = $1 AND id = $2`, [
      brandId,
      handles.conversationId,
    ]);
    const withHandle = await rpc.request(ConversationsRpc.CaseSuggestions, {
      brandId,
      conversationId: a.conversationId,
    });
    expect(withHandle.suggestions.map((x) => [x.conversationId, x.reason])).toEqual([
      [handles.conversationId, 'other_handle'],
      [b.conversationId, 'other_thread'],
    ]);
    await pg.query(
      `UPDATE ${s}.conversations SET status = 'resolved', resolved_at = now() - interval '25 hours' WHERE brand_id = $1 AND id = $2`,
      [brandId, handles.conversationId],
    );

    const merge = (
      p: { targetId: string; sourceId: string; expectedVersion?: number },
      who: typeof agent | typeof stranger = agent,
    ) => rpc.request(ConversationsRpc.Merge, { ...who, ...p });
    expect(await refusal(merge({ targetId: a.conversationId, sourceId: a.conversationId }))).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'MERGE_INTO_ITSELF' },
    });
    expect(
      await refusal(merge({ targetId: a.conversationId, sourceId: other.conversationId })),
    ).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'MERGE_DIFFERENT_CUSTOMER' },
    });
    // Another brand's conversation (same customer on X) is not there for this brand: NOT_FOUND, both ways.
    expect(
      await refusal(merge({ targetId: a.conversationId, sourceId: foreign.conversationId })),
    ).toMatchObject({
      code: ErrorCode.NotFound,
    });
    expect(
      await refusal(merge({ targetId: foreign.conversationId, sourceId: a.conversationId }, stranger)),
    ).toMatchObject({ code: ErrorCode.NotFound });
    const before = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: b.conversationId,
    });
    expect(
      await refusal(
        merge({
          targetId: a.conversationId,
          sourceId: b.conversationId,
          expectedVersion: before.version + 5,
        }),
      ),
    ).toMatchObject({ code: ErrorCode.Conflict, details: { reason: 'VERSION_MISMATCH' } });
    // Nothing moved by any refusal.
    expect(await messageCount(a.conversationId)).toBe(1);
    expect(await messageCount(b.conversationId)).toBe(1);

    const done = await merge({
      targetId: a.conversationId,
      sourceId: b.conversationId,
      expectedVersion: before.version,
    });
    expect(done.source).toMatchObject({ status: 'resolved' });
    expect(done.target.tags).toContain('router');
    expect(await messageCount(a.conversationId)).toBe(2);
    expect(await messageCount(b.conversationId)).toBe(0);

    const profile = await rpc.request(ConversationsRpc.GetCustomer, { brandId, customerId: a.customerId });
    const notes = profile.notes.filter((n) => n.conversationId === a.conversationId).map((n) => n.text);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Asked for the model',
        expect.stringContaining(`Merged from conversation ${b.conversationId}`),
      ]),
    );
    const target = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: a.conversationId,
    });
    expect(target.links).toEqual([
      expect.objectContaining({ kind: 'merged_from', conversationId: b.conversationId }),
    ]);
    const source = await rpc.request(ConversationsRpc.GetDetail, {
      brandId,
      conversationId: b.conversationId,
    });
    expect(source.mergedIntoId).toBe(a.conversationId);
    expect(source.links).toEqual([
      expect.objectContaining({ kind: 'merged_into', conversationId: a.conversationId }),
    ]);
    const { rows: audit } = await pg.query<{ conversation_id: string; details: { role: string } }>(
      `SELECT conversation_id, details FROM ${s}.audit_log WHERE brand_id = $1 AND action = 'conversation.merged'`,
      [brandId],
    );
    expect(audit.map((r) => [r.conversation_id, r.details.role]).sort()).toEqual(
      [
        [a.conversationId, 'target'],
        [b.conversationId, 'source'],
      ].sort(),
    );
    const ev = await eventually(() => statusEvents.find((e) => e.conversationId === b.conversationId), {
      what: 'the merge announced through the outbox',
    });
    expect(ev).toMatchObject({ status: 'resolved', reason: 'resolved', mergedIntoId: a.conversationId });

    // The source is gone for good: merged once, never reopened.
    expect(await refusal(merge({ targetId: a.conversationId, sourceId: b.conversationId }))).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'ALREADY_MERGED' },
    });
    expect(
      await refusal(rpc.request(ConversationsRpc.Reopen, { ...agent, conversationId: b.conversationId })),
    ).toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'ALREADY_MERGED' } });
    const suggestedNow = await rpc.request(ConversationsRpc.CaseSuggestions, {
      brandId,
      conversationId: a.conversationId,
    });
    expect(suggestedNow.suggestions).toEqual([]);

    // A customer message routed to the merged conversation (a late decision) lands in the target.
    const late = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares hello?',
      authorHandle: handle,
    });
    await bus.publish(
      Events.ConversationRouted,
      routed({ brandId, conversationId: b.conversationId, queueId, tweet: late, opened: false }),
      { brandId, msgId: `routed:${brandId}:${late.id}` },
    );
    await eventually(async () => (await messageCount(a.conversationId)) === 3, {
      what: 'the late message in the target',
    });
    expect(await messageCount(b.conversationId)).toBe(0);
    const view = await rpc.request(Rpc.GetConversation, { brandId, id: b.conversationId });
    expect(view.status).toBe('resolved');
  });
});
