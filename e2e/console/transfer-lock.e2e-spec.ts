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

const TIMEZONE = 'Europe/Amsterdam';

/**
 * Issue 13's hard lock and transfer note in a real browser, against the whole platform: a
 * supervisor locks a queue in the queue admin; in a conversation of that queue the console shows
 * the lock, refuses the supervisor's reply (CONVERSATION_LOCKED) until they take it over; the
 * supervisor then transfers it to an agent with a note, which the agent sees in the history.
 */
describeWithChromium(`hard lock and transfer notes in Chromium${skippedWhy}`, () => {
  let p: Platform;
  let baseUrl: string;
  let supervisor: ConsoleBrowser | undefined;
  let agent: ConsoleBrowser | undefined;

  beforeAll(async () => {
    ({ p, baseUrl } = await startConsolePlatform());
    supervisor = await openBrowser({ timezoneId: TIMEZONE });
    agent = await openBrowser({ timezoneId: TIMEZONE });
  }, 180_000);

  afterAll(async () => {
    await supervisor?.close();
    await agent?.close();
    await p?.stop();
  }, 60_000);

  async function conversationOf(tweetId: string): Promise<{ id: string; assigneeId: string | null }> {
    const s = `"${p.schema('conversations')}"`;
    return eventually(
      async () => {
        const { rows } = await p.pg.query<{ id: string; assignee_id: string | null }>(
          `SELECT c.id, c.assignee_id FROM ${s}.conversations c
           JOIN ${s}.messages m ON m.brand_id = c.brand_id AND m.conversation_id = c.id WHERE m.x_id = $1`,
          [tweetId],
        );
        return rows[0] ? { id: rows[0].id, assigneeId: rows[0].assignee_id } : null;
      },
      { timeoutMs: LIVE_MS, what: `conversation of tweet ${tweetId}` },
    );
  }

  it('locks a queue, takes a locked conversation over, and transfers it with a note the next agent sees', async () => {
    const page = await supervisor!.context.newPage();
    await signIn(page, baseUrl, 'supervisor@acme.example');

    // The queue admin: "Care (English)" gets a hard lock.
    await page.goto(`${baseUrl}/admin/queues`);
    const row = page.getByTestId('queues').locator('tr[data-queue="Care (English)"]');
    await row.waitFor({ timeout: LIVE_MS });
    expect(await row.getByTestId('queue-lock').textContent()).toBe('—');
    await page.getByRole('button', { name: 'Edit queue Care (English)' }).click();
    const form = page.getByRole('form', { name: 'Edit queue Care (English)' });
    await form.getByLabel('Hard lock').check();
    await form.getByRole('button', { name: 'Save queue' }).click();
    await eventually(
      async () => ((await row.getByTestId('queue-lock').textContent()) === 'Hard lock' ? true : null),
      {
        timeoutMs: LIVE_MS,
        what: 'the queue list shows the lock',
      },
    );

    const tweetId = await p.inject(
      '@acmecares my kettle stopped working after two days, order 5512',
      'e2e_lock',
    );
    const c = await conversationOf(tweetId);
    const sam = (
      await p.pg.query<{ id: string }>(`SELECT id FROM "${p.schema('routing')}".agents WHERE email = $1`, [
        'supervisor@acme.example',
      ])
    ).rows[0]!.id;
    const alice = (
      await p.pg.query<{ id: string }>(`SELECT id FROM "${p.schema('routing')}".agents WHERE email = $1`, [
        'agent1@acme.example',
      ])
    ).rows[0]!.id;

    // The demo's supervisor holds no conversations (capacity 0): taking one over needs a slot,
    // since capacity is routing's invariant. An admin gives them some.
    await gql(
      baseUrl,
      await login(baseUrl, 'admin@acme.example'),
      'mutation ($id: ID!) { updateAgent(id: $id, changes: { capacity: 3 }) { id } }',
      { id: sam },
    );
    expect(c.assigneeId).not.toBe(sam);

    await page.goto(`${baseUrl}/inbox/${c.id}`);
    await page
      .locator('article.conversation .customer-line')
      .getByText('@e2e_lock')
      .waitFor({ timeout: LIVE_MS });
    await page.getByTestId('lock-badge').waitFor({ timeout: LIVE_MS });
    const notice = page.getByTestId('lock-notice');
    expect(await notice.textContent()).toContain('only');

    // The supervisor's reply is refused: the queue is locked to the assignee.
    const composer = page.locator('.composer textarea');
    await composer.fill('Sorry to hear that, we are on it.');
    await composer.press('Control+Enter');
    await page
      .locator('.composer [role="alert"] [data-reason="CONVERSATION_LOCKED"]')
      .waitFor({ timeout: LIVE_MS });
    await page.screenshot({ path: join(SHOTS, 'hard-lock.png') });
    const none = await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`);
    expect(((await none.json()) as { data: unknown[] }).data).toEqual([]);

    // Take over: the supervisor is the assignee and may answer.
    await notice.getByRole('button', { name: 'Take over' }).click();
    await eventually(
      async () => ((await notice.textContent())?.includes('you are the assignee') ? true : null),
      { timeoutMs: LIVE_MS, what: 'the supervisor is the assignee' },
    );
    await composer.fill('Sorry to hear that, we are on it.');
    await composer.press('Control+Enter');
    await page
      .locator('.thread .message.outbound')
      .getByText('we are on it. ^SS', { exact: false })
      .waitFor({ timeout: LIVE_MS });

    // Transfer to Alice with a note for her.
    const note = 'Customer sent the receipt already; offer a replacement, not a refund.';
    await page.getByRole('button', { name: /^Transfer/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('To agent').selectOption(alice);
    await dialog.getByLabel('Note for the next agent').fill(note);
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    const entry = page.getByTestId('transfer-entry').first();
    await entry.waitFor({ timeout: LIVE_MS });
    expect(await entry.textContent()).toContain('Transferred by Sam Supervisor');
    expect(await entry.textContent()).toContain('Alice Brown');
    expect(await entry.textContent()).toContain(note);

    // Alice sees the transfer and its note, and is now the one who answers.
    const alicePage = await agent!.context.newPage();
    await signIn(alicePage, baseUrl, 'agent1@acme.example');
    await alicePage.goto(`${baseUrl}/inbox/${c.id}`);
    const aliceEntry = alicePage.getByTestId('transfer-entry').first();
    await aliceEntry.waitFor({ timeout: LIVE_MS });
    expect(await aliceEntry.textContent()).toContain(note);
    expect(await alicePage.getByTestId('lock-notice').textContent()).toContain('you are the assignee');
    // The note is in the customer's shared notes too, by the supervisor.
    const shared = alicePage.getByTestId('notes').locator('li.note').filter({ hasText: note });
    await shared.waitFor({ timeout: LIVE_MS });
    expect(await shared.locator('.note-author').textContent()).toBe('SS');
    expect(await aliceEntry.textContent()).toContain('from Sam Supervisor to you');
    await alicePage.screenshot({ path: join(SHOTS, 'transfer-note.png') });
    await alicePage.close();
    await page.close();
  }, 180_000);
});
