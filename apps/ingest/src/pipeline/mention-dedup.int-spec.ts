import { eventually } from '@roost/testing';
import { Registry } from 'prom-client';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { TweetIntake } from '../sources/tweet-intake.service';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

describe('the mention ledger (1,000 deliveries of one tweet)', () => {
  let bed: IngestTestBed;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '600000' });
    await bed.startApp();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('creates one mention and publishes it once, whatever source delivers it and however often', async () => {
    const t = bed.sim.injectTweet({ text: '@acmecares my order 1234 never arrived', authorHandle: 'dup_customer' });
    const author = bed.sim.store.userById(t.author_id);
    const tweet: TweetV2 = {
      id: t.id,
      text: t.text,
      author_id: t.author_id,
      created_at: t.created_at,
      conversation_id: t.conversation_id,
      edit_history_tweet_ids: [t.id],
      entities: { mentions: [{ start: 0, end: 10, username: 'acmecares', id: '1000000000000000002' }] } as TweetV2['entities'],
    };
    const users = new Map<string, UserV2>([[t.author_id, { id: t.author_id, name: author?.name ?? 'x', username: author?.username ?? 'dup_customer' }]]);
    const app = bed.app!;
    const intake = app.get(TweetIntake);
    const brand = app.get(BrandDirectory).all()[0]!;
    const sources = ['stream', 'mentions', 'search'] as const;
    // Concurrent and sequential duplicates alike: 10 waves of 100 in flight.
    for (let wave = 0; wave < 10; wave++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          intake.intake({ tweet, users, source: sources[i % 3]!, brands: [{ brand, matchedRules: [{ id: 'x', tag: 'x' }] }] }),
        ),
      );
    }
    const rows = (await bed.ledger()).filter((r) => r.tweet_id === t.id);
    expect(rows).toHaveLength(1);
    await eventually(() => bed.publishedCounts().get(t.id) === 1, { what: 'the mention published' });
    // Give any stray second publish time to show up before asserting it did not.
    await eventually(async () => (await bed.ledger()).every((r) => r.published), { what: 'ledger marked published' });
    expect(bed.publishedCounts().get(t.id)).toBe(1);
    const metrics = await app.get(Registry).metrics();
    expect(metrics).toMatch(/roost_ingest_duplicates_dropped_total(\{[^}]*\})? 999\n/);
  });
});
