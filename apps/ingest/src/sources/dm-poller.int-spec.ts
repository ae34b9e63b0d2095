import { eventually } from '@roost/testing';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

describe('DM events poller against twitter-sim', () => {
  let bed: IngestTestBed;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '600000' });
    bed.sim.injectDm({
      fromHandle: 'old_customer',
      toHandle: 'acmecares',
      text: 'an old DM from before we listened',
    });
    await bed.startApp({ dms: true });
    await eventually(() => bed.cursor('dm', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1'), {
      what: 'first DM cursor',
    });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('turns DMs to a brand account into dm mentions, once, from the cursor', async () => {
    const ids = Array.from(
      { length: 130 },
      (_, i) =>
        bed.sim.injectDm({
          fromHandle: `dm_cust${i % 9}`,
          toHandle: 'acmecares',
          text: `order ${i} is missing, call me on +1 415 555 0100`,
        }).id,
    );
    const reply = bed.sim.injectDm({ fromHandle: 'acmecares', toHandle: 'dm_cust1', text: 'we are on it' });
    await eventually(
      async () => {
        const stored = new Set((await bed.ledger()).map((r) => r.tweet_id));

        return ids.every((id) => stored.has(id));
      },
      { timeoutMs: 15_000, what: 'all DMs stored' },
    );
    const rows = (await bed.ledger()).filter((r) => ids.includes(r.tweet_id));
    expect(rows).toHaveLength(ids.length);
    const m = rows[0]!.payload;
    expect(m).toMatchObject({
      source: 'dm',
      channel: 'dm',
      replyPath: 'dm',
      account: { handle: 'acmecares' },
    });
    expect(m.tweet.dmConversationId).toBeTruthy();
    expect(m.matchedRules.map((r) => r.tag)).toEqual(['dm:@acmecares']);
    expect(m.classification.pii.some((p) => p.type === 'phone')).toBe(true);
    expect((await bed.ledger()).some((r) => r.tweet_id === reply.id)).toBe(false);
    await eventually(() => ids.every((id) => bed.publishedCounts().get(id) === 1), {
      what: 'each DM published once',
    });
    // The brand's own reply is newest: the cursor moves past it too (saved after the poll's last publish).
    await eventually(
      async () => (await bed.cursor('dm', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1')) === reply.id,
      { what: 'cursor past the reply' },
    ).catch(() => undefined);
    expect(await bed.cursor('dm', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1')).toBe(reply.id);
  });
});
