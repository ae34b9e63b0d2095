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
 * The VIP flag moves routing, so the customer panel offers the VIP toggle to supervisors and
 * admins only; an agent still edits the customer's tags (conversations refuses an agent's VIP
 * change on its own too: apps/conversations/src/conversations/vip-owner-checks.e2e-spec.ts).
 */
describeWithChromium(`the VIP toggle by role in the console${skippedWhy}`, () => {
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

  async function openCustomer(email: string, handle: string) {
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    // One browser context for both people: the previous one's session is forgotten first.
    await page.goto(`${baseUrl}/`);
    await page.evaluate('localStorage.clear(); sessionStorage.clear();');
    await page.context().clearCookies();
    await signIn(page, baseUrl, email);
    await page.goto(`${baseUrl}/inbox`);
    const row = page.locator(`.conversation-row[data-handle="${handle}"]`);
    await row.waitFor({ timeout: LIVE_MS });
    await row.click();
    await page
      .locator('article.conversation .customer-line')
      .getByText(`@${handle}`)
      .waitFor({ timeout: LIVE_MS });
    await page.getByLabel('New customer tag').waitFor({ timeout: LIVE_MS });

    return page;
  }

  it('hides the VIP toggle from an agent, who still tags the customer; a supervisor has it', async () => {
    await p.inject('@acmecares my kettle leaks', 'e2e_vera');
    const agent = await openCustomer('agent1@acme.example', 'e2e_vera');
    expect(await agent.getByLabel('VIP').count()).toBe(0);
    await agent.getByLabel('New customer tag').fill('leaky');
    await agent.getByLabel('New customer tag').press('Enter');
    await agent.locator('.customer-panel').getByText('leaky').first().waitFor({ timeout: LIVE_MS });
    await agent.screenshot({ path: join(SHOTS, 'vip-toggle-agent.png') });
    await agent.close();

    const supervisor = await openCustomer('supervisor@acme.example', 'e2e_vera');
    await supervisor.getByLabel('VIP').click();
    await supervisor.getByTestId('vip-badge').waitFor({ timeout: LIVE_MS });
    await supervisor.close();
  });
});
