import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, Rpc } from '@roost/contracts';
import { NatsClient, RpcClient } from '@roost/messaging';
import {
  BRAND_HANDLE,
  brandRepliesTo,
  injectCustomerTweet,
  seedConversation,
} from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/** More of the brand's own posts than the five pages of 100 the reconciler used to read. */
const LATER_POSTS = 650;

/**
 * Issue 12 ("the reconciler only reads the last few hundred posts"): the service dies after X took
 * a reply (with a link and an ampersand, which X returns as t.co and `&amp;`), and the brand posts
 * 650 more times before the restart. The reconciler must page back to the reply's first attempt
 * and recognise X's form of its text, then record it as sent; posting it again would be refused as
 * a duplicate, and the old five-page lookup left it unsettled for good.
 */
describe('outbound reconciliation: a post buried under later ones', () => {
  const conversations = new ConversationsStack('deep-lookup', {
    ROOST_TEST_CRASH_AFTER_POST: 'true',
    CONVERSATIONS_OUTBOUND_LEASE_MS: '500',
    CONVERSATIONS_RECONCILE_INTERVAL_MS: '200',
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

  it('finds the reply past 650 later posts and records it as sent, once', async () => {
    const sim = stack.url('twitter-sim');
    const tweet = await injectCustomerTweet(sim, { text: '@acmecares where is my parcel?' });
    const { conversationId } = await seedConversation(pg, { schema, brandId, queueId, tweet });
    const key = `deep-${randomUUID()}`;
    const request = {
      brandId,
      conversationId,
      agentId: randomUUID(),
      agentInitials: 'AB',
      text: 'Sorry & thanks for waiting, track it at https://acme.com/t/42',
      idempotencyKey: key,
    };
    const answer = await new RpcClient(nats, 1500).request(Rpc.Reply, request).then(
      () => 'answered',
      (err: unknown) => (err instanceof DomainError ? err.code : 'other'),
    );
    expect(answer).toBe(ErrorCode.UpstreamUnavailable);
    await conversations.crashed(0);

    const later = Array.from({ length: LATER_POSTS }, (_, i) => ({
      text: `Service update ${i}: all good`,
      authorHandle: BRAND_HANDLE,
    }));
    const res = await fetch(`${sim}/sim/tweets/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tweets: later }),
    });
    expect(res.status).toBe(201);

    await stack.restart('conversations');
    await conversations.settled(key, 'the buried reply settled by the reconciler');
    const replies = await brandRepliesTo(sim, tweet.id);
    expect(replies).toHaveLength(1);
    const { rows } = await pg.query<{ x_id: string; attempts: number }>(
      `SELECT x_id, attempts FROM "${schema}".outbound_ledger WHERE idempotency_key = $1`,
      [key],
    );
    expect(rows[0]).toEqual({ x_id: replies[0]!.id, attempts: 1 });
  }, 300_000);
});
