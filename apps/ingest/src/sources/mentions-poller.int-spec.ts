import { eventually } from '@roost/testing';
import { IngestTestBed } from '../testing/ingest-test-bed';
import { MentionsPollerSource } from './mentions-poller.source';

jest.setTimeout(60_000);

const MENTIONS = 'GET /2/users/:id/mentions';

/** Issue 3 acceptance for the mentions timeline: 429 mid-traffic, restart mid-poll. */
describe('mentions timeline poller against twitter-sim', () => {
  let bed: IngestTestBed;
  let n = 0;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  const inject = (count: number): string[] =>
    Array.from(
      { length: count },
      () =>
        bed.sim.injectTweet({ text: `@acmecares where is order ${++n}?`, authorHandle: `buyer${n % 11}` }).id,
    );

  async function mentionRequests(status?: string): Promise<number> {
    const { values } = await bed.sim.metrics.requests.get();

    return values
      .filter((v) => v.labels['endpoint'] === MENTIONS && (!status || v.labels['status'] === status))
      .reduce((sum, v) => sum + v.value, 0);
  }

  async function storedOnce(ids: string[], timeoutMs = 20_000): Promise<void> {
    await eventually(
      async () => {
        const stored = new Set((await bed.ledger()).map((r) => r.tweet_id));

        return ids.every((id) => stored.has(id));
      },
      { timeoutMs, what: `all ${ids.length} mentions stored` },
    );
    await eventually(() => ids.every((id) => bed.publishedCounts().get(id) === 1), {
      what: 'all published once',
    });
    expect((await bed.ledger()).filter((r) => ids.includes(r.tweet_id))).toHaveLength(ids.length);
  }

  it('starts from now, then reads every page from its cursor', async () => {
    inject(5); // before the first poll: not history we backfill
    await bed.startApp();
    await eventually(() => bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1'), {
      what: 'first cursor',
    });
    const ids = inject(150); // more than one page (100) between two polls at most
    await storedOnce(ids);
    await eventually(
      async () =>
        (await bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1')) === ids[ids.length - 1],
      {
        what: 'cursor at the newest mention',
      },
    );
    expect(await bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1')).toBe(ids[ids.length - 1]);
  });

  it('loses and doubles nothing when X answers 429 mid-traffic, and waits for the reset', async () => {
    const ids = inject(20);
    bed.sim.injectFault({ endpoint: MENTIONS, status: 429, count: 1, resetInSeconds: 2 });
    ids.push(...inject(20));
    await eventually(async () => (await mentionRequests('429')) === 1, { intervalMs: 5, what: '429 served' });
    const atFault = await mentionRequests();
    ids.push(...inject(20));
    // Polls are due every 100 ms, but none may go out before the advertised reset (~2 s).
    await new Promise((r) => setTimeout(r, 1000));
    expect(await mentionRequests()).toBe(atFault);
    await storedOnce(ids);
    expect(await mentionRequests()).toBeGreaterThan(atFault);
  });

  it('resumes from the stored cursor after a restart mid-poll', async () => {
    const ids = inject(120);
    // Stop while a poll is (very likely) in flight: nothing half-done may be lost or doubled.
    const poller = bed.app!.get(MentionsPollerSource);
    const polling = poller.pollAll().catch(() => undefined);
    await bed.stopApp();
    await polling;
    const cursorAtStop = await bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1');
    // While ingest is down, 250 more arrive: more than the newest page a cursorless start would read.
    ids.push(...inject(250));
    await bed.startApp();
    await storedOnce(ids);
    // The cursor is saved after the poll's last mention is published.
    await eventually(
      async () =>
        (await bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1')) === ids[ids.length - 1],
      {
        what: 'cursor at the newest mention',
      },
    );
    const cursorNow = await bed.cursor('mentions', '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1');
    expect(BigInt(cursorNow!)).toBeGreaterThan(BigInt(cursorAtStop!));
    expect(cursorNow).toBe(ids[ids.length - 1]);
  });
});
