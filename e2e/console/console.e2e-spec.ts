import { join } from 'node:path';
import { eventually } from '@roost/testing';
import type { Page } from 'playwright-core';
import { startPlatform } from '../e2e-env';
import { buildConsole } from './build-console';
import { CHROMIUM, hasChromium, openBrowser, type ConsoleBrowser } from './chromium-browser';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const TIMEZONE = 'Europe/Amsterdam';
const LIVE_MS = 30_000;

const describeWithChromium = hasChromium() ? describe : describe.skip;
const why = hasChromium() ? '' : ` (SKIPPED: ${CHROMIUM} not found; install Debian's chromium: apt-get install -y chromium)`;

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('roost-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: LIVE_MS });
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** Sum of a number shown on every queue card (board-waiting, board-assigned). */
async function boardTotal(page: Page, testId: string): Promise<number> {
  const values = await page.getByTestId(testId).allTextContents();
  return values.reduce((n, v) => n + Number(v), 0);
}

/**
 * Issue 8's acceptance path in a real browser, against the whole platform: the console is the
 * production bundle served by the gateway at `/`, talking to the public GraphQL API only.
 */
describeWithChromium(`agent console in Chromium${why}`, () => {
  let p: Platform;
  let baseUrl: string;
  let agent: ConsoleBrowser | undefined;
  let supervisor: ConsoleBrowser | undefined;

  beforeAll(async () => {
    buildConsole();
    p = await startPlatform();
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    baseUrl = p.stack.url('gateway');
    agent = await openBrowser({ timezoneId: TIMEZONE });
    supervisor = await openBrowser({ timezoneId: TIMEZONE });
  }, 180_000);

  afterAll(async () => {
    await agent?.close();
    await supervisor?.close();
    await p?.stop();
  });

  it('serves the console at / with a fallback for deep links, and leaves the API alone', async () => {
    const root = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<div id="root">');
    const deep = await fetch(`${baseUrl}/inbox/some-id`, { headers: { accept: 'text/html' } });
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/missing.js`)).status).toBe(404);
  });

  it('an agent sees a tweet arrive live, is stopped from posting a phone number, replies; the board moves', async () => {
    const agentPage = await agent!.context.newPage();
    await agentPage.goto(`${baseUrl}/`);
    await agentPage.getByLabel('E-mail').waitFor();
    await agentPage.screenshot({ path: join(SHOTS, 'sign-in.png') });
    await signIn(agentPage, baseUrl, 'agent1@acme.example');
    expect(await text(agentPage, '.tz')).toBe(TIMEZONE);
    await agentPage.getByRole('heading', { name: 'Open conversations' }).waitFor();

    const boardPage = await supervisor!.context.newPage();
    await signIn(boardPage, baseUrl, 'supervisor@acme.example');
    await boardPage.getByRole('link', { name: 'Queue board' }).click();
    await boardPage.locator('.queue-card[data-queue="Care (English)"]').waitFor({ timeout: LIVE_MS });
    const assignedBefore = await boardTotal(boardPage, 'board-assigned');
    await new Promise((r) => setTimeout(r, 500)); // both sockets subscribed before the tweet

    const tweet = '@acmecares my blender arrived with a cracked jar, order 4471. Can you help?';
    const tweetId = await p.inject(tweet, 'e2e_ana');

    // Live: no reload, the row appears because queueUpdated arrived and the list was refetched.
    const row = agentPage.locator('.conversation-row[data-handle="e2e_ana"]');
    await row.waitFor({ timeout: LIVE_MS });
    expect(await row.locator('.snippet').textContent()).toBe(tweet);
    expect(await row.locator('.badge.lang').textContent()).toBe('EN');
    expect(await row.locator('.badge').allTextContents()).toContain('Public reply');

    // The supervisor's board moved with the same push.
    await eventually(async () => ((await boardTotal(boardPage, 'board-assigned')) > assignedBefore ? true : null), {
      timeoutMs: LIVE_MS,
      what: 'queue board assigned count to rise',
    });
    await boardPage.getByTestId('activity-feed').getByText('New conversation routed').first().waitFor({ timeout: LIVE_MS });

    // Keyboard: j opens the most urgent conversation, r focuses the composer.
    await agentPage.keyboard.press('j');
    await agentPage.locator('.conversation .thread .message.inbound').first().waitFor();
    await row.click();
    await agentPage.locator('article.conversation .customer-line').getByText('@e2e_ana').waitFor();
    const time = agentPage.locator('.thread time').first();
    const iso = await time.getAttribute('datetime');
    const expected = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TIMEZONE }).format(new Date(iso!));
    expect(await time.textContent()).toBe(expected);

    await agentPage.keyboard.press('r');
    await agentPage.keyboard.type('Sorry about that! Call us on +1 415 555 0134 and we will sort it out');
    expect(await text(agentPage, '[data-testid="signature"]')).toBe('signed ^AB');
    const count = await text(agentPage, '[data-testid="char-count"]');
    expect(count).toBe(`${'Sorry about that! Call us on +1 415 555 0134 and we will sort it out ^AB'.length} / 280`);
    await agentPage.locator('[data-testid="composer-warnings"] [data-reason="PII_IN_PUBLIC_REPLY"]').waitFor();
    expect(await text(agentPage, '[data-testid="composer-warnings"]')).toContain('a phone number');

    // Sending anyway: the server refuses with a typed error, shown in plain words; nothing is posted.
    await agentPage.keyboard.press('Control+Enter');
    const refusal = agentPage.locator('.composer [role="alert"] [data-reason="PII_IN_PUBLIC_REPLY"]');
    await refusal.waitFor({ timeout: LIVE_MS });
    expect(await refusal.textContent()).toContain('must not be posted in public');
    await agentPage.screenshot({ path: join(SHOTS, 'composer-refusal.png') });
    const none = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`);
    expect(((await none.json()) as { data: unknown[] }).data).toEqual([]);

    const composer = agentPage.locator('.composer textarea');
    await composer.fill('Sorry about that! Please send us a DM with your order number and we will replace the jar.');
    await composer.press('Control+Enter');
    await agentPage.locator('.thread .message.outbound').getByText('we will replace the jar. ^AB').waitFor({ timeout: LIVE_MS });
    expect(await composer.inputValue()).toBe('');

    const replies = await eventually(
      async () => {
        const res = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`);
        const body = (await res.json()) as { data: Array<{ text: string }> };
        return body.data.length > 0 ? body.data : null;
      },
      { timeoutMs: LIVE_MS, what: 'the reply on twitter-sim' },
    );
    // twitter-sim shows a reply the way X does, led by the customer's handle.
    expect(replies.map((r) => r.text)).toEqual([
      '@e2e_ana Sorry about that! Please send us a DM with your order number and we will replace the jar. ^AB',
    ]);
    await agentPage.locator('.thread .message.outbound .msg-status.sent').waitFor({ timeout: LIVE_MS });
    await agentPage.screenshot({ path: join(SHOTS, 'inbox-conversation.png') });

    await boardPage.getByTestId('activity-feed').getByText('Reply sent').first().waitFor({ timeout: LIVE_MS });
    await boardPage.screenshot({ path: join(SHOTS, 'queue-board.png') });

    // Resolving it is recorded: the conversation reads resolved, for the agent and in the API.
    await agentPage.getByRole('button', { name: 'Resolve' }).click();
    await agentPage.getByRole('button', { name: 'Resolved' }).waitFor({ timeout: LIVE_MS });
    await agentPage.locator('.conversation-head .badge.status-resolved').waitFor({ timeout: LIVE_MS });
  }, 150_000);

  it('says the live connection is lost while the gateway is down, and clears when it is back', async () => {
    const page = await agent!.context.newPage();
    await page.goto(`${baseUrl}/inbox`);
    await page.getByRole('heading', { name: 'Open conversations' }).waitFor({ timeout: LIVE_MS });
    const banner = page.locator('.connection-banner');
    expect(await banner.count()).toBe(0);
    // The socket must be up before it can be lost (a never-connected socket says "connecting").
    await page.locator('.live-state[data-state="online"]').waitFor({ state: 'attached', timeout: LIVE_MS });

    await p.stack.kill('gateway');
    await banner.waitFor({ state: 'visible', timeout: LIVE_MS });
    expect(await banner.textContent()).toContain('Reconnecting');
    await page.screenshot({ path: join(SHOTS, 'reconnecting.png') });

    await p.stack.start(['gateway']);
    await banner.waitFor({ state: 'detached', timeout: LIVE_MS });
    // Live again: a new tweet shows up without a reload.
    await p.inject('@acmecares are you open on Sunday?', 'e2e_back');
    await page.locator('.conversation-row[data-handle="e2e_back"]').waitFor({ timeout: LIVE_MS });
  }, 120_000);
});
