import { randomUUID } from 'node:crypto';
import type { ComplianceContentWithdrawnV1 } from '@roost/contracts';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { conversationsSchema } from '../testing/conversations-schema';
import { ConversationRepository } from './conversation.repository';
import { ComplianceRepository, REPLY_TARGET_WITHDRAWN } from './compliance.repository';

/** Redaction rules against PostgreSQL (the migration included): what goes, what stays, what a reply waiting on it becomes. */
describe('compliance redaction (PostgreSQL)', () => {
  const env = testEnv();
  let ds: DataSource;
  let repo: ComplianceRepository;
  const brandId = randomUUID();
  const otherBrand = randomUUID();
  const now = new Date().toISOString();
  const event = (over: Partial<ComplianceContentWithdrawnV1>): ComplianceContentWithdrawnV1 => ({
    schema: 1,
    brandId,
    kind: 'tweet',
    xId: '1',
    reason: 'deleted',
    withdrawnAt: now,
    detectedAt: now,
    ...over,
  });

  /** A customer with one conversation and the given inbound tweets; returns the conversation id. */
  async function seed(opts: {
    brand: string;
    xUserId: string;
    handle: string;
    tweets: string[];
  }): Promise<string> {
    const customerId = randomUUID();
    const conversationId = randomUUID();
    await ds.query(
      `INSERT INTO customers (brand_id, id, x_user_id, handle, name, followers_count) VALUES ($1, $2, $3, $4, $5, 10)`,
      [opts.brand, customerId, opts.xUserId, opts.handle, `Name of ${opts.handle}`],
    );
    await ds.query(
      `INSERT INTO conversations (brand_id, id, customer_id, channel, status, queue_id, priority, language, sentiment, intent, reply_path,
         account_handle, opened_at, last_message_at)
       VALUES ($1, $2, $3, 'public', 'assigned', $4, 1, 'en', 'neutral', 'question', 'public', 'acmecares', now(), now())`,
      [opts.brand, conversationId, customerId, randomUUID()],
    );
    for (const x of opts.tweets) {
      await ds.query(
        `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, x_id, text, author_x_id, author_handle, status, classification, created_at)
         VALUES ($1, gen_random_uuid(), $2, 'inbound', 'public', $3, $4, $5, $6, 'received', '{"pii":[{"type":"email","start":0,"end":3}],"intent":"question"}', now())`,
        [opts.brand, conversationId, x, `text of ${x} https://t.co/abc`, opts.xUserId, opts.handle],
      );
    }

    return conversationId;
  }

  async function reply(opts: {
    conversationId: string;
    inReplyTo: string;
    leased: boolean;
  }): Promise<string> {
    const messageId = randomUUID();
    await ds.query(
      `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, text, author_handle, status, created_at)
       VALUES ($1, $2, $3, 'outbound', 'public', 'We are on it', 'acmecares', 'pending', now())`,
      [brandId, messageId, opts.conversationId],
    );
    await ds.query(
      `INSERT INTO outbound_ledger (brand_id, idempotency_key, message_id, conversation_id, kind, account_handle, text, in_reply_to_x_id, state, lease_until)
       VALUES ($1, $2, $3, $4, 'reply', 'acmecares', 'We are on it', $5, 'pending', $6)`,
      [
        brandId,
        randomUUID(),
        messageId,
        opts.conversationId,
        opts.inReplyTo,
        opts.leased ? new Date(Date.now() + 60_000) : null,
      ],
    );

    return messageId;
  }

  const message = async (xId: string, brand = brandId) =>
    (
      (await ds.query(
        `SELECT text, author_handle, redaction, redacted_at, classification FROM messages WHERE brand_id = $1 AND x_id = $2`,
        [brand, xId],
      )) as Array<{
        text: string;
        author_handle: string;
        redaction: string | null;
        redacted_at: Date | null;
        classification: Record<string, unknown>;
      }>
    )[0];
  const ledger = async (messageId: string) =>
    (
      (await ds.query(
        `SELECT l.state, l.last_error, m.status FROM outbound_ledger l JOIN messages m ON m.brand_id = l.brand_id AND m.id = l.message_id
         WHERE l.brand_id = $1 AND l.message_id = $2`,
        [brandId, messageId],
      )) as Array<{ state: string; last_error: string | null; status: string }>
    )[0];

  beforeAll(async () => {
    ds = await initialize(createServiceDataSource(conversationsSchema(env, 'conversations-test')));
    await migrate(ds);
    repo = new ComplianceRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  it('empties a deleted tweet in place, fails a queued reply to it, and a second delivery or an unknown id changes nothing', async () => {
    const conversationId = await seed({
      brand: brandId,
      xUserId: '500',
      handle: 'ann',
      tweets: ['1001', '1002'],
    });
    await seed({ brand: otherBrand, xUserId: '500', handle: 'ann', tweets: ['1001'] });
    const queued = await reply({ conversationId, inReplyTo: '1001', leased: false });
    const sending = await reply({ conversationId, inReplyTo: '1001', leased: true });

    // The redacted message's conversation is returned, so open consoles can be told.
    expect(await repo.apply(event({ xId: '1001' }))).toEqual({
      messages: 1,
      customers: 0,
      failedReplies: 1,
      conversations: [{ conversationId, queueId: expect.any(String) }],
    });
    const gone = await message('1001');
    expect(gone).toMatchObject({
      text: '',
      author_handle: 'ann',
      redaction: 'deleted_by_author',
      classification: { intent: 'question' },
    });
    expect(gone?.classification.pii).toBeUndefined();
    expect(gone?.redacted_at).toBeInstanceOf(Date);
    expect(await message('1002')).toMatchObject({ text: 'text of 1002 https://t.co/abc', redaction: null });
    expect(await message('1001', otherBrand)).toMatchObject({
      text: 'text of 1001 https://t.co/abc',
      redaction: null,
    });
    expect(await ledger(queued)).toEqual({
      state: 'failed',
      status: 'failed',
      last_error: expect.stringMatching(new RegExp(`^${REPLY_TARGET_WITHDRAWN}`)),
    });
    expect(await ledger(sending)).toEqual({ state: 'pending', status: 'pending', last_error: null });
    const count = await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE brand_id = $1 AND conversation_id = $2`,
      [brandId, conversationId],
    );
    expect(count[0].n).toBe(4);

    expect(await repo.apply(event({ xId: '1001' }))).toEqual({
      messages: 0,
      customers: 0,
      failedReplies: 0,
      conversations: [],
    });
    expect(await message('1001')).toEqual(gone);
    expect(await repo.apply(event({ xId: '987654321' }))).toEqual({
      messages: 0,
      customers: 0,
      failedReplies: 0,
      conversations: [],
    });
    expect(await repo.apply(event({ kind: 'user', xId: '987654321', reason: 'suspended' }))).toEqual({
      messages: 0,
      customers: 0,
      failedReplies: 0,
      conversations: [],
    });
    const audit = await ds.query(
      `SELECT details FROM audit_log WHERE brand_id = $1 AND action = 'compliance.redacted'`,
      [brandId],
    );
    expect(audit).toEqual([
      {
        details: expect.objectContaining({
          kind: 'tweet',
          xId: '1001',
          reason: 'deleted',
          messages: 1,
          failedReplies: 1,
        }),
      },
    ]);
  });

  it('redacts a withdrawn user: profile and every message, notes kept; checked again only after a refresh', async () => {
    const conversationId = await seed({
      brand: brandId,
      xUserId: '600',
      handle: 'bob',
      tweets: ['2001', '2002'],
    });
    const [{ id: customerId }] = await ds.query(
      `SELECT id FROM customers WHERE brand_id = $1 AND x_user_id = '600'`,
      [brandId],
    );
    await ds.query(
      `INSERT INTO customer_notes (brand_id, id, customer_id, author_id, author_initials, text) VALUES ($1, gen_random_uuid(), $2, $3, 'QA', 'VIP, call first')`,
      [brandId, customerId, randomUUID()],
    );
    // The tweets job may report a protected author's tweet first.
    expect(await repo.apply(event({ xId: '2001', reason: 'protected' }))).toMatchObject({ messages: 1 });
    expect(await message('2001')).toMatchObject({
      text: '',
      author_handle: '',
      redaction: 'author_withdrawn',
    });

    expect(await repo.apply(event({ kind: 'user', xId: '600', reason: 'protected' }))).toMatchObject({
      messages: 1,
      customers: 1,
      failedReplies: 0,
      conversations: [expect.anything()],
    });
    expect(await message('2002')).toMatchObject({
      text: '',
      author_handle: '',
      redaction: 'author_withdrawn',
    });
    const [c] = await ds.query(
      `SELECT name, handle, followers_count, withdrawn_reason, withdrawn_at FROM customers WHERE brand_id = $1 AND id = $2`,
      [brandId, customerId],
    );
    expect(c).toMatchObject({ name: '', handle: '', followers_count: '0', withdrawn_reason: 'protected' });
    // Lists and the conversation view say so (the console flags the row and explains the blank profile).
    const withdrawnAt = (c as { withdrawn_at: Date }).withdrawn_at.toISOString();
    const conversations = new ConversationRepository(ds);
    expect((await conversations.get(brandId, conversationId))?.view.customer).toMatchObject({
      handle: '',
      name: '',
      withdrawnAt,
    });
    const listed = await conversations.list({ brandId, first: 10 });
    expect(listed.rows.find((r) => r.id === conversationId)?.customer.withdrawnAt).toBe(withdrawnAt);
    const notes = await ds.query(`SELECT text FROM customer_notes WHERE brand_id = $1 AND customer_id = $2`, [
      brandId,
      customerId,
    ]);
    expect(notes).toEqual([{ text: 'VIP, call first' }]);
    expect(await repo.apply(event({ kind: 'user', xId: '600', reason: 'protected' }))).toEqual({
      messages: 0,
      customers: 0,
      failedReplies: 0,
      conversations: [],
    });

    const held = async (kind: 'tweets' | 'users') => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await repo.heldIds({ brandId, kind, after, limit: 2 });
        ids.push(...page.ids);
        if (!page.next) return ids;
        after = page.next;
      }
    };
    // Numeric order across pages; redacted tweets and withdrawn users are no longer uploaded.
    expect(await held('tweets')).toEqual(['1002']);
    expect(await held('users')).toEqual(['500']);
    // A new mention refreshed the profile (storeRouted bumps updated_at): the user is checked again.
    await ds.query(
      `UPDATE customers SET name = 'Bob again', updated_at = now() + interval '1 second' WHERE brand_id = $1 AND id = $2`,
      [brandId, customerId],
    );
    expect(await held('users')).toEqual(['500', '600']);
  });
});
