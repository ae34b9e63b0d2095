import { createHash, randomUUID } from 'node:crypto';
import type { ConversationRoutedV1 } from '@roost/contracts';
import { APP_ROLE, createServiceDataSource, initialize, migrate, useBrand, withBrand } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { conversationsSchema } from '../testing/conversations-schema';
import { AutoPostsRepository, defaultAutoPosts } from './auto-posts.repository';
import { ConversationActionsRepository } from './conversation-actions.repository';
import { ConversationRepository } from './conversation.repository';
import { GuidelinesRepository } from './guidelines.repository';
import { AttachmentsRepository } from './attachments.repository';
import { OutboundRepository, type LedgerEntry } from './outbound.repository';
import { SnoozeRepository } from './snooze.repository';
import { WaitStatusRepository } from './wait-status.repository';

/** A routed public mention of a new customer, as routing publishes it. */
function routed(brandId: string, n: number): ConversationRoutedV1 {
  const at = new Date(Date.UTC(2026, 0, 1, 9, 0, n)).toISOString();

  return {
    schema: 1,
    brandId,
    conversationId: randomUUID(),
    opened: true,
    queueId: randomUUID(),
    priority: 50,
    status: 'waiting',
    assigneeId: null,
    mention: {
      schema: 1,
      brandId,
      source: 'stream',
      channel: 'public',
      tweet: { id: `${9000 + n}`, text: `@acmecares order ${n} is missing`, createdAt: at },
      author: {
        id: `${700 + n}`,
        handle: `cust${n}`,
        name: `Customer ${n}`,
        followersCount: 1,
        verified: false,
      },
      account: { id: randomUUID(), handle: 'acmecares', role: 'care', xUserId: '1' },
      replyPath: 'public',
      matchedRules: [],
      classification: {
        language: 'en',
        sentiment: { label: 'negative', score: -0.4 },
        intent: 'complaint',
        pii: [],
        priority: 50,
      },
      receivedAt: at,
    },
    queueSnapshot: { waiting: 1, assigned: 0, oldestWaitingSince: at },
    routedAt: at,
  };
}

/**
 * Row-level security on every conversations table with a brand (RELIABILITY.md "PostgreSQL and
 * tenants"): as the app role, a query that forgets its brand filter still sees only the declared
 * brand's rows; the cross-brand reconciler goes through an owner-run function that names brands only.
 */
describe('brand isolation in PostgreSQL (conversations)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}conversations_rls`;
  let owner: DataSource;
  let app: DataSource;
  const [brandA, brandB] = [randomUUID(), randomUUID()].sort() as [string, string];
  const events = [routed(brandB, 1), routed(brandA, 2), routed(brandB, 3)];

  const post = (brandId: string, conversationId: string): LedgerEntry => ({
    brandId,
    idempotencyKey: `k:${randomUUID()}`,
    messageId: randomUUID(),
    conversationId,
    purpose: 'agent',
    kind: 'reply',
    accountHandle: 'acmecares',
    text: 'We are on it',
    inReplyToXId: null,
    recipientXId: null,
    agentId: randomUUID(),
    channel: 'public',
  });

  beforeAll(async () => {
    const opts = conversationsSchema(env, 'conversations-rls-test', schema);
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
    // Everything below written through the app role: a mixed batch (one transaction, brand by brand),
    // then per-brand writes on every other table.
    await new ConversationRepository(app).storeRouted(events);
    const ledger = new OutboundRepository(app, new AttachmentsRepository(app));
    const actions = new ConversationActionsRepository(app);
    const attachments = new AttachmentsRepository(app);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const e of events) {
      await ledger.record(post(e.brandId, e.conversationId), { leaseMs: 0 });
      const agentId = randomUUID();
      const attachmentId = await attachments.stage({
        brandId: e.brandId,
        agentId,
        mediaType: 'image/png',
        kind: 'photo',
        sizeBytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
      });
      await attachments.append({ brandId: e.brandId, agentId, attachmentId, index: 0, bytes: png });
      // A second one half uploaded: its first piece waits in attachment_pieces.
      const partial = await attachments.stage({
        brandId: e.brandId,
        agentId,
        mediaType: 'image/png',
        kind: 'photo',
        sizeBytes: png.length * 2,
        sha256: createHash('sha256')
          .update(Buffer.concat([png, png]))
          .digest('hex'),
      });
      await attachments.append({ brandId: e.brandId, agentId, attachmentId: partial, index: 0, bytes: png });
      const [{ id: customerId }] = await withBrand(app, e.brandId, (tx) =>
        tx.query(`SELECT id FROM customers WHERE x_user_id = $1`, [e.mention.author.id]),
      );
      await actions.addNote({
        actor: { brandId: e.brandId, agentId: randomUUID() },
        initials: 'QA',
        customerId,
        conversationId: e.conversationId,
        text: 'n',
      });
      await new GuidelinesRepository(app).saveCanned({
        brandId: e.brandId,
        actorId: randomUUID(),
        language: 'en',
        title: e.conversationId,
        body: 'b',
      });
      await new WaitStatusRepository(app, ledger).claimAndRecord({
        entry: {
          ...post(e.brandId, e.conversationId),
          conversationId: null,
          purpose: 'wait_status',
          agentId: null,
        },
        queueId: e.queueId,
        at: new Date(),
        waitSeconds: 600,
        minIntervalMs: 60_000,
        minChangePercent: 20,
        leaseMs: 60_000,
      });
    }
    for (const brandId of [brandA, brandB]) {
      await new GuidelinesRepository(app).set({
        brandId,
        actorId: randomUUID(),
        guidelines: { bannedPhrases: ['x'], queueHours: {} },
      });
      await new AutoPostsRepository(app).set({
        brandId,
        actorId: randomUUID(),
        settings: defaultAutoPosts(),
      });
    }
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  const TABLES: Array<[table: string, a: number, b: number]> = [
    ['customers', 1, 2],
    ['conversations', 1, 2],
    ['messages', 2, 4], // the inbound mention and the reply recorded for it
    ['outbound_ledger', 2, 4], // the reply and the wait-status tweet
    ['customer_notes', 1, 2],
    ['canned_replies', 1, 2],
    ['brand_guidelines', 1, 1],
    ['brand_auto_posts', 1, 1],
    ['wait_status_posts', 1, 2],
    ['attachments', 2, 4],
    ['attachment_pieces', 1, 2],
  ];

  it('shows a transaction only the rows of the brand it declared, even without a brand filter', async () => {
    for (const [t, a, b] of [...TABLES, ['audit_log', -1, -1] as [string, number, number]]) {
      const all: Array<{ brand_id: string }> = await owner.query(`SELECT brand_id FROM ${t}`);
      const asA: Array<{ brand_id: string }> = await withBrand(app, brandA, (tx) =>
        tx.query(`SELECT brand_id FROM ${t}`),
      );
      const asB: Array<{ brand_id: string }> = await withBrand(app, brandB, (tx) =>
        tx.query(`SELECT brand_id FROM ${t}`),
      );
      if (a >= 0) {
        expect({ t, a: asA.length, b: asB.length }).toEqual({ t, a, b });
      }
      expect(asA.length).toBeGreaterThan(0);
      expect(asA.length + asB.length).toBe(all.length);
      expect(new Set(asA.map((r) => r.brand_id))).toEqual(new Set([brandA]));
      expect(new Set(asB.map((r) => r.brand_id))).toEqual(new Set([brandB]));
      // No brand declared: nothing at all.
      expect(await app.query(`SELECT count(*)::int AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    }
  });

  it('reads through the repositories only the asked brand, whatever a query forgets', async () => {
    const page = await new ConversationRepository(app).list({ brandId: brandB, first: 10 });
    expect(page.totalCount).toBe(2);
    expect(page.rows.map((r) => r.brandId)).toEqual([brandB, brandB]);
    expect(page.rows.every((r) => r.messages.length === 2)).toBe(true);
    // Another brand's conversation asked for under this brand: not found, not leaked.
    const a = events[1]!;
    expect(await new ConversationRepository(app).get(brandB, a.conversationId)).toBeNull();
    expect((await new ConversationRepository(app).get(brandA, a.conversationId))?.view.customer.handle).toBe(
      'cust2',
    );
  });

  it('refuses to write a row of another brand than the declared one', async () => {
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO brand_guidelines (brand_id) VALUES ($1)`, [randomUUID()]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO audit_log (brand_id, action) VALUES ($1, 'x')`, [brandB]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`UPDATE conversations SET priority = 99 WHERE brand_id = $1`, [brandB]),
      ),
    ).resolves.toEqual([[], 0]);
    expect(await owner.query(`SELECT count(*)::int AS n FROM conversations WHERE priority = 99`)).toEqual([
      { n: 0 },
    ]);
    // A mixed batch cannot write a brand's rows while another brand is declared.
    const qr = app.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await useBrand(qr, brandA);
      await expect(
        qr.query(`UPDATE messages SET text = 'x' WHERE brand_id = $1 RETURNING id`, [brandB]),
      ).resolves.toEqual([[], 0]);
      await qr.rollbackTransaction();
    } finally {
      await qr.release();
    }
  });

  it('lets the reconciler claim every brand’s due posts, each through its own rows; the function names brands only', async () => {
    const brands = await app.query(`SELECT * FROM outbound_unsettled_brands()`);
    expect(brands).toEqual([{ outbound_unsettled_brands: brandA }, { outbound_unsettled_brands: brandB }]);
    const claimed = await new OutboundRepository(app, new AttachmentsRepository(app)).claimUnsettled(
      60_000,
      2,
    );
    expect(claimed).toHaveLength(2); // the limit holds across brands
    const rest = await new OutboundRepository(app, new AttachmentsRepository(app)).claimUnsettled(
      60_000,
      100,
    );
    const all = [...claimed, ...rest].filter((u) => u.entry.purpose === 'agent');
    expect(all.map((u) => u.entry.brandId).sort()).toEqual([brandA, brandB, brandB]);
    // Claimed rows carry the agent of their message (read under the row's brand).
    expect(all.every((u) => u.entry.agentId !== null)).toBe(true);
    // Nothing left due (leases renewed): no brand named.
    expect(await app.query(`SELECT * FROM outbound_unsettled_brands()`)).toEqual([]);
  });

  it('lets the snooze sweep wake every brand’s due snoozes, each under its brand; the function names brands only', async () => {
    await owner.query(
      `UPDATE conversations SET status = 'snoozed', snoozed_until = now() - interval '1 minute'`,
    );
    const due = await new SnoozeRepository(app).dueBrands(new Date());
    expect(due).toEqual([brandA, brandB]);
    const woken: Record<string, number> = {};
    for (const brandId of due) {
      const rows = await new SnoozeRepository(app).wakeDue({
        brandId,
        now: new Date(),
        limit: 10,
        within: async () => undefined,
      });
      woken[brandId] = rows.length;
    }
    expect(woken).toEqual({ [brandA]: 1, [brandB]: 2 });
    expect(await new SnoozeRepository(app).dueBrands(new Date())).toEqual([]);
  });

  it('leaves the handle cache (no brand column) readable and writable by the app role', async () => {
    await app.query(
      `INSERT INTO x_account_ids (handle, x_user_id) VALUES ('acmecares', '1') ON CONFLICT (handle) DO NOTHING`,
    );
    expect(await app.query(`SELECT x_user_id FROM x_account_ids WHERE handle = 'acmecares'`)).toEqual([
      { x_user_id: '1' },
    ]);
    expect(
      await owner.query(`SELECT relrowsecurity FROM pg_class WHERE oid = 'x_account_ids'::regclass`),
    ).toEqual([{ relrowsecurity: false }]);
    expect(await owner.query(`SELECT relrowsecurity FROM pg_class WHERE oid = 'messages'::regclass`)).toEqual(
      [{ relrowsecurity: true }],
    );
  });
});
