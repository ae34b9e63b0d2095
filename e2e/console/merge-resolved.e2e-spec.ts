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
 * Issue 13 review: on a resolved case, the banner offers to merge this case into the customer's
 * open one (never the open one into the resolved one, which would close it): the open case keeps
 * both problems' messages and stays open.
 */
describeWithChromium(`merging a resolved case in the console (Chromium)${skippedWhy}`, () => {
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

  it('offers “Merge this case into it” on a resolved case and keeps the open case open', async () => {
    const page = await browser!.context.newPage();
    const token = await signedIn(page, baseUrl, 'supervisor@acme.example');
    const handle = `e2e_${randomUUID().slice(0, 6)}`;
    const cases = async (n: number) =>
      eventually(
        async () => {
          const res = await gql<{ conversations: { edges: Array<{ node: Node }> } }>(
            baseUrl,
            token,
            `query { conversations(first: 100) { edges { node { id status customer { handle } messages { id text } } } } }`,
          );
          const mine = res.conversations.edges.map((e) => e.node).filter((x) => x.customer.handle === handle);

          return mine.length === n ? mine : null;
        },
        { timeoutMs: LIVE_MS, what: `the customer’s ${n} case(s)` },
      );
    await p.inject('@acmecares my parcel never arrived', handle);
    const [older] = await cases(1);
    await gql(
      baseUrl,
      token,
      `mutation($id: ID!) { resolveConversation(conversationId: $id) { result { status } } }`,
      { id: older!.id },
    );
    await p.inject('@acmecares still no parcel, tracking says delivered', handle);
    const two = await cases(2);
    const open = two.find((c) => c.id !== older!.id)!;
    expect(two.find((c) => c.id === older!.id)?.status).toBe('RESOLVED');

    await page.goto(`${baseUrl}/inbox/${older!.id}`);
    const view = page.locator('article.conversation');
    const banner = view.getByTestId('case-suggestion');
    await banner.waitFor({ timeout: LIVE_MS });
    expect(await banner.textContent()).toContain('Same customer has another open case');
    expect(await banner.getByRole('button', { name: 'Merge into this case' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'merge-resolved-into-open.png') });
    await banner.getByRole('button', { name: 'Merge this case into it' }).click();
    await page.getByText('This case was merged into another').waitFor({ timeout: LIVE_MS });

    const after = await cases(2);
    const kept = after.find((c) => c.id === open.id);
    expect(kept?.status).not.toBe('RESOLVED');
    expect(kept?.messages).toHaveLength(2);
    expect(kept?.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('never arrived'),
        expect.stringContaining('still no parcel'),
      ]),
    );
  }, 180_000);
});
