import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { eventually } from '@roost/testing';
import { openBrowser, type ConsoleBrowser } from './chromium-browser';
import { LIVE_MS, signIn } from './console-page';
import {
  describeWithChromium,
  SHOTS,
  skippedWhy,
  startConsolePlatform,
  type Platform,
} from './console-platform';

/** A real PNG (RGB, a diagonal gradient): what a customer's photo or an agent's image looks like. */
function gradientPng(width: number, height: number, tint: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      row[1 + x * 3] = Math.round(tint[0] * (1 - t) + 255 * t);
      row[2 + x * 3] = Math.round(tint[1] * (1 - t) + 200 * t);
      row[3 + x * 3] = Math.round(tint[2] * (1 - t) + 120 * t);
    }
    rows.push(row);
  }

  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Issue 13's media in the browser: a customer's photo shows as a thumbnail that opens the full
 * image, and an agent attaches an image to a reply (POST /media, then `reply(attachmentIds)`), which
 * twitter-sim receives as an upload and a tweet carrying its media id.
 */
describeWithChromium(`media in the agent console${skippedWhy}`, () => {
  let p: Platform;
  let baseUrl: string;
  let agent: ConsoleBrowser | undefined;
  let dir: string;

  beforeAll(async () => {
    ({ p, baseUrl } = await startConsolePlatform());
    agent = await openBrowser({ timezoneId: 'Europe/Amsterdam' });
    dir = mkdtempSync(join(tmpdir(), 'roost-media-'));
  }, 180_000);

  afterAll(async () => {
    await agent?.close();
    await p?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows the customer’s photo as a thumbnail that opens it, and attaches an image to a reply', async () => {
    const page = await agent!.context.newPage();
    // X's CDN is not reachable from the test machine: the browser gets the photo from here instead.
    const customerPhoto = gradientPng(480, 360, [40, 90, 160]);
    await page.route('https://pbs.twimg.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: customerPhoto }),
    );
    await signIn(page, baseUrl, 'agent1@acme.example');
    const sim = p.stack.url('twitter-sim');
    const injected = await fetch(`${sim}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '@acmecares the jar of my blender arrived cracked, see the photo',
        authorHandle: 'media_mo',
        media: [{ type: 'photo', altText: 'A cracked blender jar', width: 480, height: 360 }],
      }),
    });
    expect(injected.status).toBe(201);

    const row = page.locator('.conversation-row[data-handle="media_mo"]');
    await row.waitFor({ timeout: LIVE_MS });
    await row.click();
    const thumb = page.locator('[data-testid="message-media"] a.media-thumb[data-media-type="PHOTO"]');
    await thumb.waitFor({ timeout: LIVE_MS });
    expect(await thumb.getAttribute('href')).toMatch(/^https:\/\/pbs\.twimg\.com\/media\/[0-9]+\.jpg$/);
    expect(await thumb.getAttribute('target')).toBe('_blank');
    const img = thumb.locator('img[alt="A cracked blender jar"]');
    await img.waitFor();
    await eventually(
      () =>
        img.evaluate((el) => {
          // The image decoded: the browser got the photo the thumbnail points at.
          const image = el as unknown as { complete: boolean; naturalWidth: number };
          return image.complete && image.naturalWidth === 480;
        }),
      { timeoutMs: LIVE_MS, what: 'thumbnail loaded' },
    );

    // Attach: the wrong type is refused in the composer before any upload.
    const pdf = join(dir, 'invoice.pdf');
    writeFileSync(pdf, '%PDF-1.7\n');
    await page.getByLabel('Attach image').setInputFiles(pdf);
    await page.getByText('invoice.pdf: only JPEG, PNG, GIF and WEBP images can be attached.').waitFor();
    const label = join(dir, 'return-label.png');
    writeFileSync(label, gradientPng(320, 240, [20, 140, 90]));
    await page.getByLabel('Attach image').setInputFiles(label);
    await page.getByTestId('attachment').getByText('return-label.png').waitFor({ timeout: LIVE_MS });
    await page.locator('textarea[name="reply"]').fill('So sorry! Print this label and we will swap the jar.');
    await page.screenshot({ path: join(SHOTS, 'media.png') });
    await page.keyboard.press('Control+Enter');
    await page
      .locator('.thread .message.outbound .media-chip[data-media-type="PHOTO"]')
      .waitFor({ timeout: LIVE_MS });
    expect(await page.getByTestId('attachment').count()).toBe(0);

    const res = await fetch(`${sim}/sim/posts?authorHandle=acmecares`);
    const posts = (await res.json()) as {
      data: { tweets: Array<{ text: string; attachments?: { media_keys: string[] } }> };
    };
    const reply = posts.data.tweets.find((t) => t.text.includes('Print this label'));
    expect(reply?.attachments?.media_keys).toHaveLength(1);
    const onX = (await (await fetch(`${sim}/sim/media/${reply!.attachments!.media_keys[0]}`)).json()) as {
      data: { type: string; size: number };
    };
    expect(onX.data.type).toBe('photo');
    expect(onX.data.size).toBe(gradientPng(320, 240, [20, 140, 90]).length);
  });
});
