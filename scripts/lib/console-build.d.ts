// Types for console-build.js.
export type ConsoleBuildState = { state: 'absent' } | { state: 'fresh' } | { state: 'stale'; why: string };
export function consoleBuildState(rootDir: string): ConsoleBuildState;
export function ensureConsoleBuilt(options: {
  rootDir: string;
  force?: boolean;
  say?: (line: string) => void;
}): 'built' | 'fresh' | 'absent';
