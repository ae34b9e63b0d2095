import { createXClient, readDmSendResult } from '@roost/x-client';
import { EUploadMimeType } from 'twitter-api-v2';
import { ACME_BRAND } from './x-sim.constants';
import { startXSim, type XSim } from './x-sim.server';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(3 * 1024 * 1024 + 17, 7)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(1000, 1)]);

describe('x-sim media: expansions in, uploads out (X API v2 shapes)', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('serves a tweet’s photo and video in includes.media with the requested media.fields', async () => {
    const photo = sim.injectTweet({
      text: '@acmecares the box arrived like this',
      authorHandle: 'mia',
      media: [{ type: 'photo', altText: 'A crushed box', width: 800, height: 600 }],
    });
    sim.injectTweet({ text: '@acmecares watch this', authorHandle: 'ned', media: [{ type: 'video' }] });
    const app = createXClient({ baseUrl: sim.url, bearerToken: 'app' });
    const page = await app.v2.userMentionTimeline(ACME_BRAND.care.id, {
      expansions: ['attachments.media_keys'],
      'tweet.fields': ['attachments'],
      'media.fields': [
        'type',
        'url',
        'preview_image_url',
        'width',
        'height',
        'alt_text',
        'duration_ms',
        'variants',
      ],
    });
    const tweet = page.tweets.find((t) => t.id === photo.id)!;
    const key = tweet.attachments!.media_keys![0]!;
    expect(key).toMatch(/^3_[0-9]+$/);
    expect(page.includes.media).toHaveLength(2);
    expect(page.includes.medias(tweet)).toEqual([
      {
        media_key: key,
        type: 'photo',
        url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\/[0-9]+\.jpg$/),
        width: 800,
        height: 600,
        alt_text: 'A crushed box',
      },
    ]);
    const video = page.includes.media.find((m) => m.type === 'video')!;
    expect(video).toMatchObject({
      media_key: expect.stringMatching(/^7_/),
      preview_image_url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\//),
      duration_ms: 12000,
      variants: expect.arrayContaining([expect.objectContaining({ content_type: 'video/mp4' })]),
    });
    expect(video.url).toBeUndefined();
    // Without media.fields X serves the key and the type only; without the expansion, no includes.media.
    const bare = await app.v2.userMentionTimeline(ACME_BRAND.care.id, {
      expansions: ['attachments.media_keys'],
    });
    expect(bare.includes.media[0]).toEqual({ media_key: expect.any(String), type: expect.any(String) });
    const none = await app.v2.userMentionTimeline(ACME_BRAND.care.id, {});
    expect(none.includes.media).toEqual([]);
  });

  it('serves a DM’s photo through dm_event.fields=attachments and the expansion', async () => {
    const dm = sim.injectDm({
      fromHandle: 'mia',
      toHandle: 'acmecares',
      text: 'my receipt',
      media: [{ type: 'photo' }],
    });
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const page = await care.v2.listDmEvents({
      'dm_event.fields': ['attachments', 'sender_id', 'text'],
      expansions: ['attachments.media_keys'],
      'media.fields': ['url', 'type'],
    });
    const event = page.events.find((e) => e.id === dm.id)!;
    expect(event.attachments?.media_keys).toHaveLength(1);
    expect(page.includes.media).toEqual([
      {
        media_key: event.attachments!.media_keys![0],
        type: 'photo',
        url: expect.stringMatching(/^https:\/\//),
      },
    ]);
  });

  it('takes a chunked upload and attaches it to a reply and a DM by media id', async () => {
    const question = sim.injectTweet({ text: '@acmecares where is the label?', authorHandle: 'ivy' });
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const mediaId = await care.v2.uploadMedia(PNG, { media_type: EUploadMimeType.Png });
    expect(mediaId).toMatch(/^[0-9]+$/);
    const posted = await care.v2.reply('Here it is ^JS', question.id, { media: { media_ids: [mediaId] } });
    const [tweet] = sim.postsBy('acmecares').tweets;
    expect(tweet!.id).toBe(posted.data.id);
    const key = tweet!.attachments!.media_keys[0]!;
    expect(key).toBe(`3_${mediaId}`);
    // X appends the media's t.co link to the text; its entity names the media.
    expect(tweet!.text).toMatch(/^@ivy Here it is \^JS https:\/\/t\.co\/[A-Za-z0-9]{10}$/);
    expect(tweet!.entities?.urls?.at(-1)).toMatchObject({
      media_key: key,
      display_url: expect.stringMatching(/^pic\.x\.com\//),
    });
    const uploaded = (await (await fetch(`${sim.url}/sim/media/${key}`)).json()) as {
      data: { size: number };
    };
    expect(uploaded.data.size).toBe(PNG.length);

    const gifId = await care.v2.uploadMedia(GIF, { media_type: EUploadMimeType.Gif });
    const sent = readDmSendResult(
      await care.v2.sendDmToParticipant(question.author_id, {
        text: 'and the GIF',
        attachments: [{ media_id: gifId }],
      }),
    );
    const dm = sim.postsBy('acmecares').dms.find((d) => d.id === sent.dm_event_id)!;
    expect(dm.attachments?.media_keys).toEqual([`16_${gifId}`]);
  });

  it('refuses what X refuses: unknown ids, a GIF with a photo, more than 4, oversize, wrong type, another account’s upload', async () => {
    const question = sim.injectTweet({ text: '@acmecares hi', authorHandle: 'ivy' });
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const photo = await care.v2.uploadMedia(PNG.subarray(0, 2000), { media_type: EUploadMimeType.Png });
    const gif = await care.v2.uploadMedia(GIF, { media_type: EUploadMimeType.Gif });
    const reply = (ids: string[]) =>
      care.v2.reply('x ^JS', question.id, { media: { media_ids: ids as [string] } });
    await expect(reply(['123'])).rejects.toMatchObject({ code: 400 });
    await expect(reply([photo, gif])).rejects.toMatchObject({ code: 400 });
    await expect(reply([photo, photo, photo, photo, photo])).rejects.toMatchObject({ code: 400 });
    const other = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acme' });
    await expect(other.v2.tweet('not mine', { media: { media_ids: [photo] } })).rejects.toMatchObject({
      code: 400,
    });
    await expect(
      care.v2.uploadMedia(Buffer.alloc(5 * 1024 * 1024 + 1), { media_type: EUploadMimeType.Png }),
    ).rejects.toMatchObject({ code: 400 });
    await expect(
      care.v2.uploadMedia(Buffer.from('%PDF-1.4'), { media_type: 'application/pdf' as EUploadMimeType }),
    ).rejects.toMatchObject({ code: 400 });
    expect(sim.postsBy('acmecares').tweets).toEqual([]);
    expect(sim.postsBy('acme').tweets).toEqual([]);
  });
});
