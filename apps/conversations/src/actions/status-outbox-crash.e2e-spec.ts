import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  Events,
  type ConversationStatusChangedV1,
} from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { injectCustomerTweet, seedConversation } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/** Every conversation.status_changed in the stream so far (an ordered consumer over the whole stream). */
async function statusEvents(nats: NatsClient): Promise<ConversationStatusChangedV1[]> {
  const def = Events.ConversationStatusChanged;
  const consumer = await nats.js.consumers.get(nats.topology.streamName(def.stream));
  const prefix = `${nats.topology.ns}.${def.name}.`;
  const out: ConversationStatusChangedV1[] = [];
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      if (m.subject.startsWith(prefix)) out.push(def.codec.decode(m.data));
      n++;
    }
    if (n === 0) return out;
  }
}

/**
 * Issue 12 acceptance ("a crash between commit and publish loses no event"): the conversations
 * process dies right after committing a resolution, before conversation.status_changed is
 * published. After the restart the outbox publishes it, exactly once, so routing frees the slot.
 */
describe('status change: a crash between the commit and the publish', () => {
  const conversations = new ConversationsStack('status-outbox-crash', {
    ROOST_TEST_CRASH_AFTER_COMMIT: 'true',
    OUTBOX_SWEEP_MS: '200',
  });
  const { env, stack, pg } = conversations;
  const schema = `${env.schemaPrefix}conversations`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agent = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'AB' };
  let nats: NatsClient;

  beforeAll(async () => {
    nats = await conversations.start();
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('publishes the committed resolution once after the restart', async () => {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares where is my parcel',
    });
    const { conversationId } = await seedConversation(pg, {
      schema,
      brandId,
      queueId,
      tweet,
      status: 'assigned',
    });
    const rpc = new RpcClient(nats, 1500);

    const answer = await rpc.request(ConversationsRpc.Resolve, { ...agent, conversationId }).then(
      () => 'answered',
      (err: unknown) => (err instanceof DomainError ? err.code : 'other'),
    );
    expect(answer).toBe(ErrorCode.UpstreamUnavailable);
    await conversations.crashed(0);
    const { rows } = await pg.query<{ status: string }>(
      `SELECT status FROM "${schema}".conversations WHERE id = $1`,
      [conversationId],
    );
    expect(rows[0]?.status).toBe('resolved');

    await stack.restart('conversations');
    const mine = async (): Promise<ConversationStatusChangedV1[]> =>
      (await statusEvents(nats)).filter((e) => e.conversationId === conversationId);
    const published = await eventually(async () => ((await mine()).length > 0 ? mine() : undefined), {
      timeoutMs: 60_000,
      what: 'conversation.status_changed published after the restart',
    });
    expect(published).toEqual([
      expect.objectContaining({
        status: 'resolved',
        previousStatus: 'assigned',
        reason: 'resolved',
        actorId: agent.agentId,
      }),
    ]);
    await eventually(
      async () => {
        const left = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".outbox`);

        return left.rows[0]?.n === '0' ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'outbox emptied' },
    );
    expect(await mine()).toHaveLength(1);
  }, 300_000);
});
