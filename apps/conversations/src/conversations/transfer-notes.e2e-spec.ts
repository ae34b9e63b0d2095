import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  Events,
  RoutingRpc,
  TRANSFER_NOTE_MAX_LENGTH,
} from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { eventually, readEvents } from '@roost/testing';
import { ConversationsStack } from '../testing/conversations-stack';
import { routeMention, seedRoutingBrand } from '../testing/routing-seed';

/**
 * A transfer carries a note for the next agent: routing's transfer (the real routing process) puts
 * it on `conversation.assigned`, conversations stores it as a conversation note by the transferring
 * agent and as a transfer in the conversation's history; a note too long is refused with a typed
 * error and nothing moves.
 */
describe('transfer notes (routing + conversations processes, PostgreSQL + NATS)', () => {
  const conversations = new ConversationsStack('transfer-notes', {}, { routing: true });
  const { env, pg } = conversations;
  const schemaPrefix = env.schemaPrefix;
  const brandId = randomUUID();
  const care = { id: randomUUID(), name: 'care' };
  const billing = { id: randomUUID(), name: 'billing' };
  const ann = { id: randomUUID(), name: 'Ann Smith', initials: 'AS', role: 'agent', queueIds: [care.id] };
  const bob = { id: randomUUID(), name: 'Bob Jones', initials: 'BJ', role: 'agent', queueIds: [care.id] };
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 10_000);
    // Bob is busy elsewhere first (offline), so routing gives the conversation to Ann.
    await seedRoutingBrand(pg, { schemaPrefix, brandId, queues: [care, billing], agents: [ann] });
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  const asAnn = { brandId, actorId: ann.id, actorRole: 'agent' as const };

  async function detail(conversationId: string) {
    return rpc.request(ConversationsRpc.GetDetail, { brandId, conversationId });
  }

  it('to an agent: the note reaches conversations as a note by the transferring agent and a transfer in the history', async () => {
    const c = await routeMention(nats, pg, { schemaPrefix, brandId, queueId: care.id });
    expect(c.assigneeId).toBe(ann.id);
    await seedRoutingBrand(pg, { schemaPrefix, brandId, queues: [], agents: [bob] });
    // Routing learns new agents on its next load; a configure of the brand is what makes it reload.
    await pg.query(
      `UPDATE "${schemaPrefix}routing".routing_versions SET config_version = config_version + 1 WHERE brand_id = $1`,
      [brandId],
    );

    const note = 'Customer already sent the order number (A-1234); waiting on the courier.';
    const view = await rpc.request(RoutingRpc.Transfer, {
      ...asAnn,
      conversationId: c.conversationId,
      toAgentId: bob.id,
      note,
    });
    expect(view).toMatchObject({ assigneeId: bob.id });

    const d = await eventually(
      async () => {
        const got = await detail(c.conversationId);

        return got.conversation.assigneeId === bob.id && (got.transfers?.length ?? 0) > 0 ? got : undefined;
      },
      { what: 'transfer applied in conversations' },
    );
    expect(d.transfers).toEqual([
      expect.objectContaining({
        actorId: ann.id,
        actorName: 'Ann Smith',
        fromAgentId: ann.id,
        fromQueueId: care.id,
        toAgentId: bob.id,
        toQueueId: care.id,
        note,
      }),
    ]);
    const profile = await rpc.request(ConversationsRpc.GetCustomer, {
      brandId,
      customerId: d.conversation.customer.id,
    });
    expect(profile.notes).toEqual([
      expect.objectContaining({
        conversationId: c.conversationId,
        authorId: ann.id,
        authorInitials: 'AS',
        text: note,
      }),
    ]);

    // A redelivered event adds nothing: one note, one transfer.
    const assigned = (await readEvents(nats, Events.ConversationAssigned)).find(
      (e) => e.conversationId === c.conversationId && e.reason === 'transfer',
    )!;
    expect(assigned.transferNote).toEqual({ text: note, authorName: 'Ann Smith' });
    await new EventBus(nats).publish(Events.ConversationAssigned, assigned, {
      brandId,
      msgId: `redelivered:${randomUUID()}`,
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await detail(c.conversationId)).transfers).toHaveLength(1);
    expect(
      (await rpc.request(ConversationsRpc.GetCustomer, { brandId, customerId: d.conversation.customer.id }))
        .notes,
    ).toHaveLength(1);
  });

  it('to a queue: the history names the queues; without a note, the transfer is still in the history', async () => {
    const c = await routeMention(nats, pg, { schemaPrefix, brandId, queueId: care.id });
    await rpc.request(RoutingRpc.Transfer, {
      ...asAnn,
      conversationId: c.conversationId,
      toQueueId: billing.id,
      note: '  refund question, billing please  ',
    });
    const d = await eventually(
      async () => {
        const got = await detail(c.conversationId);

        return (got.transfers?.length ?? 0) > 0 ? got : undefined;
      },
      { what: 'queue transfer in the history' },
    );
    expect(d.transfers![0]).toMatchObject({
      fromQueueId: care.id,
      toQueueId: billing.id,
      toAgentId: null,
      note: 'refund question, billing please',
    });

    const plain = await routeMention(nats, pg, { schemaPrefix, brandId, queueId: care.id });
    await rpc.request(RoutingRpc.Transfer, {
      ...asAnn,
      conversationId: plain.conversationId,
      toQueueId: billing.id,
    });
    const p = await eventually(
      async () => {
        const got = await detail(plain.conversationId);

        return (got.transfers?.length ?? 0) > 0 ? got : undefined;
      },
      { what: 'plain transfer in the history' },
    );
    expect(p.transfers![0]).toMatchObject({ note: null, toQueueId: billing.id });
  });

  it('refuses a note over the limit with TRANSFER_NOTE_TOO_LONG, and nothing moves', async () => {
    const c = await routeMention(nats, pg, { schemaPrefix, brandId, queueId: care.id });
    const err = await rpc
      .request(RoutingRpc.Transfer, {
        ...asAnn,
        conversationId: c.conversationId,
        toQueueId: billing.id,
        note: 'x'.repeat(TRANSFER_NOTE_MAX_LENGTH + 1),
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'TRANSFER_NOTE_TOO_LONG', maxLength: TRANSFER_NOTE_MAX_LENGTH },
    });
    await new Promise((r) => setTimeout(r, 500));
    const d = await detail(c.conversationId);
    expect(d.conversation.queueId).toBe(care.id);
    expect(d.transfers).toEqual([]);
  });
});
