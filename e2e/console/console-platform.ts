import { join } from 'node:path';
import { startPlatform } from '../e2e-env';
import { buildConsole } from './build-console';
import { CHROMIUM, hasChromium } from './chromium-browser';

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** Where browser tests write the screenshots the docs show. */
export const SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** Browser tests run where Debian's Chromium is installed, and say in their name why they skipped. */
export const describeWithChromium = hasChromium() ? describe : describe.skip;
export const skippedWhy = hasChromium()
  ? ''
  : ` (SKIPPED: ${CHROMIUM} not found; install Debian's chromium: apt-get install -y chromium)`;

/**
 * The production console bundle and every service on free ports in a namespace of their own
 * (twitter-sim first, ingest last, so nothing is missed), for one browser test file.
 */
export async function startConsolePlatform(
  opts: Parameters<typeof startPlatform>[0] = {},
): Promise<{ p: Platform; baseUrl: string }> {
  buildConsole();
  const p = await startPlatform(opts);
  await p.stack.start(['twitter-sim']);
  await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
  await p.stack.start(['ingest']);

  return { p, baseUrl: p.stack.url('gateway') };
}
