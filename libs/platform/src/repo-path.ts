import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * The repository root. This file is three levels down from it (libs/platform/src), both in the
 * sources and in their build under dist/ (scripts/lib/build-services.js), where the root is one
 * level further up.
 */
function repoRoot(): string {
  const root = resolve(__dirname, '..', '..', '..');

  return basename(root) === 'dist' && existsSync(join(root, '..', 'package.json'))
    ? resolve(root, '..')
    : root;
}

const ROOT = repoRoot();

/**
 * A path in the repository (files that are not code, such as the gateway's schema.graphql or the
 * console's build), the same whether a service runs from its TypeScript or from dist/.
 */
export function repoPath(...segments: string[]): string {
  return join(ROOT, ...segments);
}
