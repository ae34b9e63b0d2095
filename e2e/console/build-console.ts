import { join } from 'node:path';
import { ensureConsoleBuilt } from '../../scripts/lib/console-build';

/** The gateway serves apps/console/dist: build it (when stale) so the test drives the shipped bundle. */
export function buildConsole(): void {
  ensureConsoleBuilt({ rootDir: join(__dirname, '..', '..') });
}
