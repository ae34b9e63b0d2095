import { eventually } from '@roost/testing';
import { Registry } from 'prom-client';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { TweetIntake } from '../sources/tweet-intake.service';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

describe('mention de-duplication (1,000 deliveries of one tweet)', () => {
  let bed: IngestTestBed;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '600000' });
    await bed.startApp();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('creates one mention and publishes it once, whatever source delivers it and however often', async () => {
    // No @mention in the sim's copy: the mentions poll at start must not be a 1,001st delivery
    // (the deliveries below carry the mention entity themselves).
    const t = bed.sim.injectTweet({
      text: 'acmecares: my order 1234 never arrived',
      authorHandle: 'dup_customer',
    });
    const author = bed.sim.store.userById(t.author_id);
    const tweet: TweetV2 = {
      id: t.id,
      text: t.text,
      author_id: t.author_id,
      created_at: t.created_at,
      conversation_id: t.conversation_id,
      edit_history_tweet_ids: [t.id],
      entities: {
        mentions: [{ start: 0, end: 10, username: 'acmecares', id: '1000000000000000002' }],
      } as TweetV2['entities'],
    };
    const users = new Map<string, UserV2>([
      [
        t.author_id,
        { id: t.author_id, name: author?.name ?? 'x', username: author?.username ?? 'dup_customer' },
      ],
    ]);
    const app = bed.app!;
    const intake = app.get(TweetIntake);
    const brand = app.get(BrandDirectory).all()[0]!;
    const sources = ['stream', 'mentions', 'search'] as const;
    // Concurrent and sequential duplicates alike: 10 waves of 100 in flight.
    for (let wave = 0; wave < 10; wave++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          intake.intake({
            tweet,
            users,
            source: sources[i % 3]!,
            brands: [{ brand, matchedRules: [{ id: 'x', tag: 'x' }] }],
          }),
        ),
      );
    }
    // Every intake resolved: each delivery was acknowledged by JetStream (stored or dropped as a repeat).
    await eventually(() => bed.publishedCounts().get(t.id) === 1, { what: 'the mention stored' });
    expect(bed.publishedCounts().get(t.id)).toBe(1);
    // A stray second copy would be stored behind this marker: wait for the marker, then count again.
    const marker = bed.sim.injectTweet({ text: 'acmecares: marker', authorHandle: 'marker_customer' });
    const markerTweet: TweetV2 = {
      ...tweet,
      id: marker.id,
      text: marker.text,
      author_id: marker.author_id,
      edit_history_tweet_ids: [marker.id],
    };
    const markerUsers = new Map<string, UserV2>([
      [marker.author_id, { id: marker.author_id, name: 'm', username: 'marker_customer' }],
    ]);
    await intake.intake({
      tweet: markerTweet,
      users: markerUsers,
      source: 'stream',
      brands: [{ brand, matchedRules: [{ id: 'x', tag: 'x' }] }],
    });
    await eventually(() => bed.publishedCounts().get(marker.id) === 1, { what: 'the marker stored' });
    expect(bed.publishedCounts().get(t.id)).toBe(1);
    const metrics = await app.get(Registry).metrics();
    expect(metrics).toMatch(/roost_ingest_duplicates_dropped_total(\{[^}]*\})? 999\n/);

    // Once published, a repeat (the mentions poll returning what the stream delivered) is dropped
    // before classification: no classify, no publish.
    const classified = async () =>
      Number(
        /roost_ingest_classify_seconds_count(?:\{[^}]*\})? (\d+)/.exec(
          await app.get(Registry).metrics(),
        )?.[1],
      );
    const before = await classified();
    await intake.intake({
      tweet,
      users,
      source: 'mentions',
      brands: [{ brand, matchedRules: [{ id: 'x', tag: 'x' }] }],
    });
    expect(await classified()).toBe(before);
    expect(await app.get(Registry).metrics()).toMatch(
      /roost_ingest_duplicates_dropped_total(\{[^}]*\})? 1000\n/,
    );
  });
});
