import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openBrowser, type ConsoleBrowser } from './chromium-browser';
import { LIVE_MS, signIn } from './console-page';
import {
  describeWithChromium,
  SHOTS,
  skippedWhy,
  startConsolePlatform,
  type Platform,
} from './console-platform';

/**
 * Issue 13, "turn any tweet into a case", in a real browser: a supervisor pastes the URL of a
 * tweet no listening rule caught into the inbox and lands on its case, thread included; a
 * malformed link and the brand's own tweet are refused in words.
 */
describeWithChromium(`open a case from a tweet URL in Chromium${skippedWhy}`, () => {
  let p: Platform;
  let baseUrl: string;
  let browser: ConsoleBrowser | undefined;

  beforeAll(async () => {
    ({ p, baseUrl } = await startConsolePlatform());
    browser = await openBrowser({ timezoneId: 'Europe/Amsterdam' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  }, 60_000);

  it('pastes a tweet URL, opens its case with the thread, and explains refusals', async () => {
    const handle = `toaster_${randomUUID().slice(0, 6)}`;
    const first = await p.inject('Bought a toaster last week, it only toasts one side', handle);
    const second = await p.inject('and now it smells of burning plastic', handle, {
      inReplyToTweetId: first,
    });
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'supervisor@acme.example');
    await page.getByRole('heading', { name: 'Open conversations' }).waitFor();
    // Nothing caught these tweets: no row for the customer.
    expect(await page.locator(`.conversation-row[data-handle="${handle}"]`).count()).toBe(0);

    const input = page.getByLabel('Open a case from a tweet URL');
    await input.fill('https://x.com/somebody/likes');
    await page.getByRole('button', { name: 'Open case' }).click();
    const refusal = page.locator('.case-from-tweet [role="alert"] p');
    await refusal.waitFor({ timeout: LIVE_MS });
    expect(await refusal.getAttribute('data-reason')).toBe('MALFORMED_TWEET_REF');
    expect(await refusal.textContent()).toContain('Paste a tweet link');

    const own = await p.inject('Our stores open at 9 tomorrow', 'acmecares');
    await input.fill(own);
    await page.getByRole('button', { name: 'Open case' }).click();
    await page
      .locator('.case-from-tweet [role="alert"] p[data-reason="OWN_TWEET"]')
      .waitFor({ timeout: LIVE_MS });

    await input.fill(`https://twitter.com/${handle}/status/${second}`);
    await page.getByRole('button', { name: 'Open case' }).click();
    // The console opens the case: its URL, the customer, both tweets of the thread.
    const conversation = page.locator('article.conversation');
    await conversation.locator('.customer-line').getByText(`@${handle}`).waitFor({ timeout: LIVE_MS });
    expect(page.url()).toMatch(/\/inbox\/[0-9a-f-]{36}/);
    const inbound = conversation.locator('.thread .message.inbound');
    await inbound.nth(1).waitFor({ timeout: LIVE_MS });
    expect(await inbound.count()).toBe(2);
    expect(await inbound.first().textContent()).toContain('only toasts one side');
    expect(await inbound.nth(1).textContent()).toContain('burning plastic');
    expect(await page.locator('.case-from-tweet [role="alert"]').count()).toBe(0);
    // The new case is in the list too.
    await page.locator(`.conversation-row[data-handle="${handle}"]`).waitFor({ timeout: LIVE_MS });
    await page.screenshot({ path: join(SHOTS, 'case-from-tweet.png') });

    // The same tweet again opens the same case.
    const caseUrl = page.url();
    await page.goto(`${baseUrl}/inbox`);
    await input.fill(second);
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(caseUrl, { timeout: LIVE_MS });
    expect(await page.locator(`.conversation-row[data-handle="${handle}"]`).count()).toBe(1);
  });
});
