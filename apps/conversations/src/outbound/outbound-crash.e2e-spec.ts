import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import { brandRepliesTo, injectCustomerTweet, seedConversation } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

const CRASHES = Number(process.env.CONVERSATIONS_CRASH_TEST_ROUNDS ?? 100);

/**
 * Issue 5 acceptance: kill the conversations service between X accepting a reply and the ledger
 * commit, CRASHES times; after each restart the reconciler looks on X and settles the post, and
 * every reply is on twitter-sim exactly once.
 */
describe('outbound ledger: a crash between posting and committing', () => {
  const conversations = new ConversationsStack('crash-test', {
    ROOST_TEST_CRASH_AFTER_POST: 'true',
    CONVERSATIONS_OUTBOUND_LEASE_MS: '500',
    CONVERSATIONS_RECONCILE_INTERVAL_MS: '200',
  });
  const { env, stack, pg } = conversations;
  const schema = `${env.schemaPrefix}conversations`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    nats = await conversations.start();
    rpc = new RpcClient(nats, 1500);
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  async function ledgerStates(): Promise<Record<string, number>> {
    const { rows } = await pg.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM "${schema}".outbound_ledger GROUP BY state`,
    );

    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  it(`posts every reply exactly once across ${CRASHES} crashes`, async () => {
    const tweets: string[] = [];
    for (let i = 0; i < CRASHES; i++) {
      const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
        text: `@acmecares my order ${i} never arrived`,
      });
      const { conversationId } = await seedConversation(pg, { schema, brandId, queueId, tweet });
      tweets.push(tweet.id);
      const key = `crash-${i}-${randomUUID()}`;
      const request = {
        brandId,
        conversationId,
        agentId: randomUUID(),
        agentInitials: 'AB',
        text: `Sorry about order ${i}, checking now`,
        idempotencyKey: key,
      };

      // The service dies after X accepted the post: the agent never gets an answer.
      const answer = await rpc.request(Rpc.Reply, request).then(
        () => 'answered',
        (err: unknown) => (err instanceof DomainError ? err.code : 'other'),
      );
      expect(answer).toBe(ErrorCode.UpstreamUnavailable);
      await conversations.crashed(i);
      expect(await brandRepliesTo(stack.url('twitter-sim'), tweet.id)).toHaveLength(1);

      await stack.restart('conversations');
      await conversations.settled(key, `reply ${i} settled by the reconciler`);
      // The agent's retry with the same key returns the settled message; nothing is posted again.
      const retried = await rpc.request(Rpc.Reply, request, 5000);
      expect(retried.status).toBe('sent');
    }

    for (const id of tweets) expect(await brandRepliesTo(stack.url('twitter-sim'), id)).toHaveLength(1);
    expect(await ledgerStates()).toEqual({ sent: CRASHES });
    const { rows } = await pg.query<{ n: string; d: string }>(
      `SELECT count(*) AS n, count(DISTINCT x_id) AS d FROM "${schema}".messages WHERE direction = 'outbound' AND status = 'sent'`,
    );
    expect({ n: Number(rows[0]!.n), d: Number(rows[0]!.d) }).toEqual({ n: CRASHES, d: CRASHES });
  }, 900_000);
});
