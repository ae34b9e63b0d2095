import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// One shape inside every app (docs/architecture.md "Inside an app"): the layers are a lint rule
// (eslint.config.mjs, import-x/no-restricted-paths); this checks what a path rule cannot, that no
// import cycle runs between files or between folders of an app. Type-only imports count: a
// folder cycle is a design cycle even when it costs nothing at run time. Test files are left out:
// nothing imports them, and a feature's test may start the whole app through src/testing/.

const ROOT = resolve(__dirname, '..');
const APPS = ['ingest', 'routing', 'conversations', 'metrics', 'gateway', 'twitter-sim'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);

    return path.endsWith('.ts') && !/\.(d|spec|int-spec|e2e-spec)\.ts$/.test(path) ? [path] : [];
  });
}

/** The app file a relative specifier names (`./x` → x.ts or x/index.ts), or undefined. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);

  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** Every file's in-app imports. */
function importGraph(srcDir: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of tsFiles(srcDir)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => resolveRelative(file, f.fileName))
      .filter((t): t is string => t !== undefined);
    graph.set(file, new Set(targets.filter((t) => t.startsWith(srcDir))));
  }

  return graph;
}

/** Strongly connected components with more than one node (Tarjan), or a node importing itself. */
function cycles<T>(graph: Map<T, Set<T>>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const found: T[][] = [];
  let next = 0;
  const visit = (v: T): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);

  return found;
}

/** The folder graph: an edge where a file of one folder imports a file of another. */
function folderGraph(files: Map<string, Set<string>>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = dirname(file);
    const edges = folders.get(from) ?? new Set<string>();
    for (const t of targets) if (dirname(t) !== from) edges.add(dirname(t));
    folders.set(from, edges);
  }

  return folders;
}

describe('one shape inside every app: no import cycles', () => {
  it.each(APPS)('%s: no cycle between files, nor between folders', (app) => {
    const src = join(ROOT, 'apps', app, 'src');
    const files = importGraph(src);
    const show = (c: string[][]) =>
      c.map((component) => component.map((p) => relative(src, p) || '.').sort());
    expect(show(cycles(files))).toEqual([]);
    expect(show(cycles(folderGraph(files)))).toEqual([]);
  });

  it('finds the cycles it is there to refuse', () => {
    const graph = new Map([
      ['a/x.ts', new Set(['b/y.ts'])],
      ['b/y.ts', new Set(['b/z.ts'])],
      ['b/z.ts', new Set(['a/w.ts'])],
      ['a/w.ts', new Set<string>()],
    ]);
    expect(cycles(graph)).toEqual([]);
    expect(cycles(folderGraph(graph)).map((c) => c.sort())).toEqual([['a', 'b']]);
    graph.get('a/w.ts')!.add('a/x.ts');
    expect(cycles(graph).map((c) => c.sort())).toEqual([['a/w.ts', 'a/x.ts', 'b/y.ts', 'b/z.ts']]);
  });
});
