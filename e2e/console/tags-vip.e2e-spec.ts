import { join } from 'node:path';
import { eventually } from '@roost/testing';
import { openBrowser, type ConsoleBrowser } from './chromium-browser';
import { gql, LIVE_MS, login, signIn } from './console-page';
import {
  describeWithChromium,
  SHOTS,
  skippedWhy,
  startConsolePlatform,
  type Platform,
} from './console-platform';

const CARE_EN = '0a9f2c1e-7b1d-4c55-9d3e-acbe000000a1';

/**
 * Issue 13's rule tags and VIP in a real browser against the whole platform (tweets through
 * twitter-sim and ingest): a routing rule's tags show on the conversation in the inbox list and
 * the conversation; a customer made VIP in the customer panel is badged in the list, their open
 * conversation's priority rises by the queue's boost, and their next conversation goes to the
 * VIP-only queue by rule.
 */
describeWithChromium(`rule tags and VIP in the console${skippedWhy}`, () => {
  let p: Platform;
  let baseUrl: string;
  let browser: ConsoleBrowser | undefined;

  beforeAll(async () => {
    ({ p, baseUrl } = await startConsolePlatform({ logLevel: 'warn' }));
    browser = await openBrowser({ timezoneId: 'UTC' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  }, 60_000);

  it('shows rule tags and the VIP badge; a VIP’s conversation is raised and the next one routed to the VIP desk', async () => {
    // Setup through the public API, as a supervisor's tool would: a VIP-only queue and three rules.
    const token = await login(baseUrl, 'supervisor@acme.example');
    const { upsertQueue } = await gql<{ upsertQueue: { id: string; vipPriorityBoost: number } }>(
      baseUrl,
      token,
      `mutation ($queue: QueueConfigInput!) { upsertQueue(queue: $queue) { id vipPriorityBoost } }`,
      { queue: { name: 'VIP desk', team: 'CARE', vipPriorityBoost: 30 } },
    );
    expect(upsertQueue.vipPriorityBoost).toBe(30);
    const rules = [
      { name: 'VIPs', queueId: upsertQueue.id, tags: ['vip'], conditions: { vip: true } },
      {
        name: 'Refunds',
        queueId: CARE_EN,
        tags: ['refund', 'billing'],
        conditions: { keywords: ['refund'] },
      },
      { name: 'Everyone else', queueId: CARE_EN, tags: [], conditions: {} },
    ];
    const saved = await gql<{
      replaceRoutingRules: Array<{ name: string; conditions: { vip: boolean | null } }>;
    }>(
      baseUrl,
      token,
      `mutation ($rules: [RoutingRuleInput!]!) { replaceRoutingRules(rules: $rules) { name conditions { vip } } }`,
      { rules },
    );
    expect(saved.replaceRoutingRules.map((r) => r.conditions.vip)).toEqual([true, null, null]);

    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'supervisor@acme.example');
    await page.goto(`${baseUrl}/admin/routing`);
    await page.getByText('VIP customers').first().waitFor({ timeout: LIVE_MS });

    await page.goto(`${baseUrl}/inbox`);
    await page.getByRole('heading', { name: 'Open conversations' }).waitFor({ timeout: LIVE_MS });
    await new Promise((r) => setTimeout(r, 500)); // subscribed before the tweets
    await p.inject('@acmecares I want a refund for order 881, it never came', 'e2e_rita');
    await p.inject('@acmecares my parcel is stuck in customs', 'e2e_vince');

    // The rule's tags, on the row of the list and on the conversation.
    const rita = page.locator('.conversation-row[data-handle="e2e_rita"]');
    await rita.waitFor({ timeout: LIVE_MS });
    await eventually(async () => ((await rita.getByTestId('row-tag').count()) === 2 ? true : null), {
      timeoutMs: LIVE_MS,
      what: 'rule tags on the row',
    });
    expect(await rita.getByTestId('row-tag').allTextContents()).toEqual(['#billing', '#refund']);
    await rita.click();
    const view = page.locator('article.conversation');
    await view.locator('.customer-line').getByText('@e2e_rita').waitFor({ timeout: LIVE_MS });
    await eventually(async () => ((await view.getByTestId('conversation-tag').count()) === 2 ? true : null), {
      timeoutMs: LIVE_MS,
      what: 'rule tags on the conversation',
    });
    expect(await view.getByTestId('conversation-tag').allTextContents()).toEqual(['#billing', '#refund']);

    // Vince, not VIP yet: no badge; then made VIP in the customer panel.
    const vince = page.locator('.conversation-row[data-handle="e2e_vince"]');
    await vince.waitFor({ timeout: LIVE_MS });
    expect(await vince.getByTestId('row-vip').count()).toBe(0);
    expect(await vince.getByTestId('row-tag').count()).toBe(0);
    const before = Number(
      ((await vince.locator('.priority').getAttribute('title')) ?? '').replace('Priority ', ''),
    );
    await vince.click();
    await view.locator('.customer-line').getByText('@e2e_vince').waitFor({ timeout: LIVE_MS });
    await page.getByLabel('VIP').click();
    await page.getByTestId('vip-badge').waitFor({ timeout: LIVE_MS });

    // Routing raises the open conversation by Care (English)'s boost (20, capped at 100); the row shows it, badged.
    const raised = `Priority ${Math.min(100, before + 20)}`;
    await eventually(
      async () =>
        (await vince.locator('.priority').getAttribute('title')) === raised &&
        (await vince.getByTestId('row-vip').count()) === 1
          ? true
          : null,
      { timeoutMs: LIVE_MS, what: `${raised} and the VIP badge on Vince's row` },
    );

    // Vince writes about something else: the VIP rule sends it to the VIP desk, tagged #vip.
    await p.inject('@acmecares also, the invoice has the wrong address', 'e2e_vince');
    const vipRow = page.locator('.conversation-row[data-handle="e2e_vince"]').filter({ hasText: 'invoice' });
    await vipRow.waitFor({ timeout: LIVE_MS });
    await eventually(async () => ((await vipRow.getByTestId('row-tag').count()) === 1 ? true : null), {
      timeoutMs: LIVE_MS,
      what: 'the VIP rule tag on the new row',
    });
    expect(await vipRow.getByTestId('row-tag').allTextContents()).toEqual(['#vip']);
    expect(await vipRow.getByTestId('row-vip').count()).toBe(1);
    await vipRow.click();
    await view.getByTestId('conversation-vip').waitFor({ timeout: LIVE_MS });
    await view.locator('.facts').getByText('VIP desk').waitFor({ timeout: LIVE_MS });
    expect(await view.getByTestId('conversation-tag').allTextContents()).toEqual(['#vip']);
    // Rita is not VIP: her row has no badge.
    expect(await rita.getByTestId('row-vip').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'rule-tags-vip.png') });
    await page.close();
  }, 180_000);
});
