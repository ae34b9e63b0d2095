import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's package; the tests never download a browser (no `playwright install`). */
export const CHROMIUM = process.env['ROOST_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ConsoleBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * One signed-in person = one Chromium with its own fresh profile (--user-data-dir), so two
 * people (agent, supervisor) never share localStorage. Times render in `timezoneId`.
 */
export async function openBrowser(opts: { timezoneId: string }): Promise<ConsoleBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'roost-console-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    timezoneId: opts.timezoneId,
    locale: 'en-GB',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
