import type { MentionReceivedV1 } from '@roost/contracts';
import { eventually } from '@roost/testing';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

async function mentionOf(bed: IngestTestBed, id: string): Promise<MentionReceivedV1> {
  const row = await eventually(async () => (await bed.ledger()).find((r) => r.tweet_id === id), {
    timeoutMs: 20_000,
    what: `mention ${id}`,
  });

  return row.payload;
}

const PHOTO = {
  key: expect.stringMatching(/^3_[0-9]+$/),
  type: 'photo',
  url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\//),
  previewUrl: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\//),
  width: 640,
  height: 480,
  altText: 'The dented kettle',
};

/** Customers' photos, GIFs and videos reach the mention contract from every source (X's media expansion). */
describe('media on mentions from every source', () => {
  describe('filtered stream and DM events', () => {
    let bed: IngestTestBed;

    beforeAll(async () => {
      bed = await IngestTestBed.create({ INGEST_STREAM: 'true', INGEST_POLL_INTERVAL_MS: '600000' });
      await bed.startApp({ dms: true });
      await eventually(() => bed.sim.stats().streamConnections === 1, { what: 'stream connected' });
    });

    afterAll(async () => {
      await bed?.close();
    });

    it('carries a tweet’s photo and a video’s MP4 and still, and a DM’s photo', async () => {
      const photo = bed.sim.injectTweet({
        text: '@acmecares my kettle arrived dented',
        authorHandle: 'kettle_kim',
        media: [{ type: 'photo', altText: 'The dented kettle', width: 640, height: 480 }],
      });
      const video = bed.sim.injectTweet({
        text: '@acmecares listen to this noise',
        authorHandle: 'noisy_ned',
        media: [{ type: 'video', durationMs: 8000 }],
      });
      const dm = bed.sim.injectDm({
        fromHandle: 'kettle_kim',
        toHandle: 'acmecares',
        text: 'here is my receipt',
        media: [{ type: 'photo', altText: 'The dented kettle', width: 640, height: 480 }],
      });
      const plain = bed.sim.injectTweet({ text: '@acmecares no picture', authorHandle: 'plain_pat' });

      const p = await mentionOf(bed, photo.id);
      expect(p.source).toBe('stream');
      // X's pic.x.com link is left out of the text: the media is on the mention.
      expect(p.tweet.text).toBe('@acmecares my kettle arrived dented');
      expect(p.tweet.media).toEqual([PHOTO]);
      const v = await mentionOf(bed, video.id);
      expect(v.tweet.media).toEqual([
        {
          key: expect.stringMatching(/^7_/),
          type: 'video',
          url: expect.stringMatching(/^https:\/\/video\.twimg\.com\/.*\.mp4$/),
          previewUrl: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\//),
          width: 1200,
          height: 900,
          durationMs: 8000,
        },
      ]);
      const d = await mentionOf(bed, dm.id);
      expect(d.channel).toBe('dm');
      expect(d.tweet.media).toEqual([PHOTO]);
      expect((await mentionOf(bed, plain.id)).tweet.media).toBeUndefined();
    });
  });

  describe('mentions timeline and recent search', () => {
    let bed: IngestTestBed;

    beforeAll(async () => {
      bed = await IngestTestBed.create({ INGEST_POLL_INTERVAL_MS: '200' });
      await bed.startApp({ search: true });
    });

    afterAll(async () => {
      await bed?.close();
    });

    it('carries the media of a polled mention and of a searched keyword tweet', async () => {
      const mention = bed.sim.injectTweet({
        text: '@acmecares the label is torn',
        authorHandle: 'label_lu',
        media: [
          { type: 'photo', altText: 'The dented kettle', width: 640, height: 480 },
          { type: 'photo', altText: 'The dented kettle', width: 640, height: 480 },
        ],
      });
      const searched = bed.sim.injectTweet({
        text: 'acme rocket skates shed a wheel',
        authorHandle: 'skater_sam',
        media: [{ type: 'animated_gif' }],
      });
      const m = await mentionOf(bed, mention.id);
      expect(m.source).toBe('mentions');
      expect(m.tweet.media).toEqual([PHOTO, PHOTO]);
      expect(new Set(m.tweet.media?.map((x) => x.key)).size).toBe(2);
      const s = await mentionOf(bed, searched.id);
      expect(s.source).toBe('search');
      expect(s.tweet.media).toEqual([
        {
          key: expect.stringMatching(/^16_/),
          type: 'animated_gif',
          url: expect.stringMatching(/^https:\/\/video\.twimg\.com\/tweet_video\/.*\.mp4$/),
          previewUrl: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/tweet_video_thumb\//),
          width: 1200,
          height: 900,
        },
      ]);
    });
  });
});
