import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventually } from '@roost/testing';
import { openBrowser, type ConsoleBrowser } from './chromium-browser';
import { gql, LIVE_MS, signedIn } from './console-page';
import {
  describeWithChromium,
  SHOTS,
  skippedWhy,
  startConsolePlatform,
  type Platform,
} from './console-platform';

interface Node {
  id: string;
  status: string;
  customer: { handle: string };
  messages: Array<{ id: string; text: string }>;
}

/**
 * Issue 13 in a real browser against the whole platform: a customer tweets and then quotes their
 * own tweet; the console shows "Same customer has another open case" with Merge; merging brings the
 * quote into the case (history shown); "Split into new case" on the quote takes it out again.
 */
describeWithChromium(`merge and split in the console (Chromium)${skippedWhy}`, () => {
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

  it('shows the suggestion banner, merges the quote into the case, and splits it out again', async () => {
    const page = await browser!.context.newPage();
    const token = await signedIn(page, baseUrl, 'supervisor@acme.example');
    const handle = `e2e_${randomUUID().slice(0, 6)}`;
    const first = await p.inject('@acmecares my washing machine leaks since the repair', handle);
    const cases = () =>
      eventually(
        async () => {
          const res = await gql<{ conversations: { edges: Array<{ node: Node }> } }>(
            baseUrl,
            token,
            `query { conversations(first: 100) { edges { node { id status customer { handle } messages { id text } } } } }`,
          );
          const mine = res.conversations.edges.map((e) => e.node).filter((n) => n.customer.handle === handle);

          return mine;
        },
        { timeoutMs: LIVE_MS, what: 'the customer’s cases' },
      );
    await eventually(async () => ((await cases()).length === 1 ? true : null), {
      timeoutMs: LIVE_MS,
      what: 'the first case',
    });
    const quoted = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '@acmecares the floor is wet again, see above',
        authorHandle: handle,
        quoteTweetId: first,
      }),
    });
    expect(quoted.status).toBe(201);
    const two = await eventually(
      async () => {
        const all = await cases();

        return all.length === 2 ? all : null;
      },
      { timeoutMs: LIVE_MS, what: 'the quote’s case' },
    );
    const target = two.find((c) => c.messages.some((m) => m.text.includes('washing machine')))!;
    const quote = two.find((c) => c.id !== target.id)!;

    await page.goto(`${baseUrl}/inbox/${target.id}`);
    const view = page.locator('article.conversation');
    await view.locator('.customer-line').getByText(`@${handle}`).waitFor({ timeout: LIVE_MS });
    const banner = view.getByTestId('case-suggestion');
    await banner.waitFor({ timeout: LIVE_MS });
    expect(await banner.textContent()).toContain('Same customer has another open case');
    expect(await banner.textContent()).toContain('a quote of this case');
    await page.screenshot({ path: join(SHOTS, 'merge-split.png') });
    await banner.getByRole('button', { name: 'Merge into this case' }).click();

    await view.locator('.thread .message.inbound').nth(1).waitFor({ timeout: LIVE_MS });
    await view.getByTestId('case-history').getByText('Merged from').waitFor({ timeout: LIVE_MS });
    await banner.waitFor({ state: 'detached', timeout: LIVE_MS });
    expect(await view.locator('.thread .message.inbound').count()).toBe(2);

    const quoteMessage = view.locator('.thread .message.inbound', { hasText: 'floor is wet' });
    await quoteMessage.getByRole('button', { name: 'Split into new case' }).click();
    await view.getByTestId('case-history').getByText('Split out to').waitFor({ timeout: LIVE_MS });
    expect(await view.locator('.thread .message.inbound').count()).toBe(1);

    const after = await cases();
    expect(after.find((c) => c.id === quote.id)?.status).toBe('RESOLVED');
    const created = after.find((c) => c.id !== quote.id && c.id !== target.id);
    expect(created?.messages.map((m) => m.text)).toEqual([expect.stringContaining('floor is wet')]);
    expect(created?.status).not.toBe('RESOLVED');

    // The merged case tells where its messages went.
    await page.goto(`${baseUrl}/inbox/${quote.id}`);
    await page.getByText('This case was merged into another').waitFor({ timeout: LIVE_MS });
  }, 180_000);
});
