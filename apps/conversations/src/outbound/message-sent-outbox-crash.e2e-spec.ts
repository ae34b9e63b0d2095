import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Events, Rpc, type MessageSentV1 } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { brandRepliesTo, injectCustomerTweet, seedConversation } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/** Every message.sent in the stream so far (an ordered consumer over the whole stream). */
async function sentEvents(nats: NatsClient): Promise<MessageSentV1[]> {
  const def = Events.MessageSent;
  const consumer = await nats.js.consumers.get(nats.topology.streamName(def.stream));
  const prefix = `${nats.topology.ns}.${def.name}.`;
  const out: MessageSentV1[] = [];
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
 * Issue 12 acceptance ("a crash between commit and publish loses no event"), for an agent's reply:
 * the conversations process dies right after the commit that records the reply as sent, before
 * message.sent is published. After the restart the outbox publishes it, exactly once, so routing
 * stops the SLA clock and metrics counts the first response. (Before, message.sent was published
 * after that commit and was lost with the process.)
 */
describe('message.sent: a crash between the commit of a reply and its publish', () => {
  const conversations = new ConversationsStack('sent-outbox-crash', {
    ROOST_TEST_CRASH_AFTER_COMMIT: 'true',
    OUTBOX_SWEEP_MS: '200',
  });
  const { env, stack, pg } = conversations;
  const schema = `${env.schemaPrefix}conversations`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  let nats: NatsClient;

  beforeAll(async () => {
    nats = await conversations.start();
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('publishes the committed reply once after the restart', async () => {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares my parcel is lost',
    });
    const { conversationId } = await seedConversation(pg, { schema, brandId, queueId, tweet });
    const rpc = new RpcClient(nats, 1500);
    const key = `sent-crash-${randomUUID()}`;
    const agentId = randomUUID();

    const answer = await rpc
      .request(Rpc.Reply, {
        brandId,
        conversationId,
        agentId,
        agentInitials: 'AB',
        text: 'Sorry, we are on it',
        idempotencyKey: key,
      })
      .then(
        () => 'answered',
        (err: unknown) => (err instanceof DomainError ? err.code : 'other'),
      );
    expect(answer).toBe(ErrorCode.UpstreamUnavailable);
    await conversations.crashed(0);
    const { rows } = await pg.query<{ state: string }>(
      `SELECT state FROM "${schema}".outbound_ledger WHERE idempotency_key = $1`,
      [key],
    );
    expect(rows[0]?.state).toBe('sent');
    expect(await brandRepliesTo(stack.url('twitter-sim'), tweet.id)).toHaveLength(1);

    await stack.restart('conversations');
    const mine = async (): Promise<MessageSentV1[]> =>
      (await sentEvents(nats)).filter((e) => e.conversationId === conversationId);
    const published = await eventually(async () => ((await mine()).length > 0 ? mine() : undefined), {
      timeoutMs: 60_000,
      what: 'message.sent published after the restart',
    });
    expect(published).toEqual([
      expect.objectContaining({
        brandId,
        agentId,
        channel: 'public',
        inReplyToXId: tweet.id,
        firstResponse: true,
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
    expect(await brandRepliesTo(stack.url('twitter-sim'), tweet.id)).toHaveLength(1);
  }, 300_000);
});
