import { randomUUID } from 'node:crypto';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { seedConversation } from '../testing/conversation-fixtures';
import { ReconcileUnclearFailures1764500000100 } from './1764500000100-reconcile-unclear-failures';
import { CONVERSATIONS_MIGRATIONS } from './index';

/**
 * Issue 12 ("rows marked failed are never reconciled"): posts the old dispatcher marked failed
 * after an unclear answer go back to `unknown` (their message to `pending`) for the reconciler to
 * look up on X; clear refusals stay failed.
 */
describe('migration: unclear failures go back to the reconciler', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}conversations_unclear`;
  const brandId = randomUUID();
  const pg = new Client({ connectionString: env.databaseUrl });
  let before: DataSource;
  let after: DataSource;

  beforeAll(async () => {
    const opts = { url: env.databaseUrl, schema, applicationName: 'conversations-unclear-test' };
    before = await initialize(
      createServiceDataSource({
        ...opts,
        migrations: CONVERSATIONS_MIGRATIONS.filter((m) => m !== ReconcileUnclearFailures1764500000100),
      }),
    );
    await migrate(before);
    await pg.connect();
  });

  afterAll(async () => {
    await before?.destroy();
    await after?.destroy();
    await pg.end();
    await cleanupNamespace(env);
  });

  it('reopens 5xx/429, given-up and retried-duplicate rows; keeps refusals failed', async () => {
    const tweet = {
      id: '1900000000000000100',
      authorId: '7001',
      authorHandle: 'cust_unclear',
      text: '@acmecares late again',
    };
    const { conversationId } = await seedConversation(pg, { schema, brandId, queueId: randomUUID(), tweet });
    const cases: Array<[string, number, string]> = [
      ['503 Service Unavailable', 3, 'unknown'],
      ['429 Too Many Requests', 3, 'unknown'],
      ['gave up after reconciliation', 6, 'unknown'],
      ['403 You are not allowed to create a Tweet with duplicate content.', 2, 'unknown'],
      ['403 You are not allowed to create a Tweet with duplicate content.', 1, 'failed'],
      ['400 Invalid Request', 1, 'failed'],
      ['403 Reply to this conversation is not allowed because you have not been mentioned', 1, 'failed'],
    ];
    const s = `"${schema}"`;
    for (const [i, [error, attempts]] of cases.entries()) {
      const messageId = randomUUID();
      await pg.query(
        `INSERT INTO ${s}.messages (brand_id, id, conversation_id, direction, channel, text, author_handle, status, source, created_at)
         VALUES ($1,$2,$3,'outbound','public','We are on it','acmecares','failed','agent',now())`,
        [brandId, messageId, conversationId],
      );
      await pg.query(
        `INSERT INTO ${s}.outbound_ledger (brand_id, idempotency_key, message_id, conversation_id, kind, account_handle, text, in_reply_to_x_id,
           state, attempts, last_error, purpose)
         VALUES ($1,$2,$3,$4,'reply','acmecares','We are on it',$5,'failed',$6,$7,'agent')`,
        [brandId, `k${i}`, messageId, conversationId, tweet.id, attempts, error],
      );
    }

    after = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema,
        applicationName: 'conversations-unclear-test',
        migrations: CONVERSATIONS_MIGRATIONS,
      }),
    );
    await migrate(after);

    const { rows } = await pg.query<{ key: string; state: string; status: string }>(
      `SELECT l.idempotency_key AS key, l.state, m.status FROM ${s}.outbound_ledger l JOIN ${s}.messages m ON m.brand_id = l.brand_id AND m.id = l.message_id
       ORDER BY l.idempotency_key`,
    );
    expect(rows).toEqual(
      cases.map(([, , state], i) => ({
        key: `k${i}`,
        state,
        status: state === 'unknown' ? 'pending' : 'failed',
      })),
    );
  });
});
