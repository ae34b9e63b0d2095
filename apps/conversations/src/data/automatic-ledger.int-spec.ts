import { randomUUID } from 'node:crypto';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { conversationsSchema } from '../testing/conversations-schema';
import { AttachmentsRepository } from './attachments.repository';
import { OutboundRepository, type LedgerEntry } from './outbound.repository';
import { WaitStatusRepository } from './wait-status.repository';

/** The ledger rules automatic posts rely on, against PostgreSQL (the migration included). */
describe('automatic posts in the outbound ledger (PostgreSQL)', () => {
  const env = testEnv();
  let ds: DataSource;
  let ledger: OutboundRepository;
  let waits: WaitStatusRepository;
  const brandId = randomUUID();

  const statusTweet = (key = `wait-status:${randomUUID()}`): LedgerEntry => ({
    brandId,
    idempotencyKey: key,
    messageId: randomUUID(),
    conversationId: null,
    purpose: 'wait_status',
    kind: 'reply',
    accountHandle: 'acmecares',
    text: 'Replies take about 25 minutes',
    inReplyToXId: null,
    recipientXId: null,
    agentId: null,
    channel: 'public',
  });

  beforeAll(async () => {
    ds = await initialize(createServiceDataSource(conversationsSchema(env, 'conversations-test')));
    await migrate(ds);
    ledger = new OutboundRepository(ds, new AttachmentsRepository(ds));
    waits = new WaitStatusRepository(ds, ledger);
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  it('lets a queued post be taken over only with the lease it was recorded with, before it expires', async () => {
    const e = statusTweet();
    const lease = await ledger.record(e, { leaseMs: 60_000 });
    expect(lease).not.toBeNull();
    expect(await ledger.record(e, { leaseMs: 60_000 })).toBeNull(); // the key is taken
    expect(await ledger.takeOver({ brandId, key: e.idempotencyKey, lease: lease!, leaseMs: 60_000 })).toBe(
      true,
    );
    // Renewed: the old lease no longer matches (a second taker, or one that waited too long, backs off).
    expect(await ledger.takeOver({ brandId, key: e.idempotencyKey, lease: lease!, leaseMs: 60_000 })).toBe(
      false,
    );

    const expired = statusTweet();
    const gone = await ledger.record(expired, { leaseMs: 0 });
    expect(
      await ledger.takeOver({ brandId, key: expired.idempotencyKey, lease: gone!, leaseMs: 60_000 }),
    ).toBe(false);
    // …and it is the reconciler's now.
    const claimed = await ledger.claimUnsettled(60_000, 1000);
    expect(claimed.map((u) => u.entry.idempotencyKey)).toContain(expired.idempotencyKey);
    expect(claimed.find((u) => u.entry.idempotencyKey === expired.idempotencyKey)?.entry).toMatchObject({
      purpose: 'wait_status',
      conversationId: null,
    });
  });

  it('commits a status tweet without a message or a first response', async () => {
    const e = statusTweet();
    await ledger.record(e, { leaseMs: 60_000 });
    expect(await ledger.markSent(e, '1900000000000000001')).toBeNull();
    expect(await ledger.ledgerState(brandId, e.idempotencyKey)).toBe('sent');
    const messages: unknown[] = await ds.query(`SELECT 1 FROM messages WHERE brand_id = $1`, [brandId]);
    expect(messages).toEqual([]);
  });

  it('refuses a ledger row without a conversation unless it is a status tweet', async () => {
    await expect(
      ledger.record({ ...statusTweet(), purpose: 'ooh_ack' }, { leaseMs: 60_000 }),
    ).rejects.toThrow(/outbound_ledger_conversation_required/);
  });

  it('decides a status tweet by interval and change, once for racing instances', async () => {
    const queueId = randomUUID();
    const at = new Date('2026-11-22T10:05:00Z');
    const claim = (minutes: number, waitSeconds: number, key: string) =>
      waits.claimAndRecord({
        entry: statusTweet(key),
        queueId,
        at: new Date(at.getTime() + minutes * 60_000),
        waitSeconds,
        minIntervalMs: 3_600_000,
        minChangePercent: 20,
        leaseMs: 60_000,
      });

    // Two instances handling the same estimate at once: one records it.
    const racing = await Promise.all([claim(0, 1500, 'k0'), claim(0, 1500, 'k0')]);
    expect(racing.sort()).toEqual(['recorded', 'too_soon_or_unchanged']);
    expect(await claim(30, 3000, 'k1')).toBe('too_soon_or_unchanged'); // too soon
    expect(await claim(61, 1700, 'k2')).toBe('too_soon_or_unchanged'); // 13% is not enough
    expect(await claim(62, 1900, 'k3')).toBe('recorded'); // 27% after an hour
    expect(await claim(125, 1000, 'k3')).toBe('already_recorded'); // the key decides last: a bucket posts once…
    expect(await claim(126, 1400, 'k4')).toBe('recorded'); // …and the refused claim was rolled back (1400 vs 1900 moved 26%)
    const keys: Array<{ idempotency_key: string }> = await ds.query(
      `SELECT idempotency_key FROM outbound_ledger WHERE brand_id = $1 AND idempotency_key IN ('k0','k1','k2','k3','k4') ORDER BY idempotency_key`,
      [brandId],
    );
    expect(keys.map((k) => k.idempotency_key)).toEqual(['k0', 'k3', 'k4']);
  });
});
