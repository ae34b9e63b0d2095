import type { TwcsRow, TwcsThread } from './twcs.types';

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups rows into threads: connected components over both link columns. Links to tweets that
 * are not in `rows` still join the rows that share them, as they would in the full dataset.
 */
export function buildThreads(rows: Iterable<TwcsRow>): TwcsThread[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = parent.get(x) ?? x;
    if (!parent.has(x)) {
      parent.set(x, x);
    }
    while (parent.get(root) !== root) {
      root = parent.get(root)!;
    }
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }

    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      // Keep the smaller id as root so thread ids are stable whatever the input order.
      if (compareIds(ra, rb) < 0) {
        parent.set(rb, ra);
      } else {
        parent.set(ra, rb);
      }
    }
  };
  const all: TwcsRow[] = [];
  for (const row of rows) {
    all.push(row);
    find(row.tweetId);
    if (row.inResponseToTweetId) {
      union(row.tweetId, row.inResponseToTweetId);
    }
    for (const r of row.responseTweetIds) {
      union(row.tweetId, r);
    }
  }
  const groups = new Map<string, TwcsRow[]>();
  for (const row of all) {
    const root = find(row.tweetId);
    const list = groups.get(root) ?? [];
    list.push(row);
    groups.set(root, list);
  }

  return [...groups.values()].map((list) => {
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareIds(a.tweetId, b.tweetId));
    const id = list.map((r) => r.tweetId).reduce((m, x) => (compareIds(x, m) < 0 ? x : m));

    return { id, rows: list };
  });
}
