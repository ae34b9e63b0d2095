import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildThreads } from './thread.builder';
import { readTwcsFile } from './twcs.parser';
import type { TwcsRow } from './twcs.types';

const DIR = process.env.TWCS_DIR ?? '/work/shared/data/twcs';
const present = existsSync(join(DIR, 'SOURCES.md'));
if (!present) {
  // Shared data is not in every checkout (CI clones without it); say so instead of failing.
  process.stderr.write(`twcs-files.int-spec: skipped, ${DIR} not found (set TWCS_DIR)\n`);
}
const describeIfData = present ? describe : describe.skip;

async function load(name: string): Promise<TwcsRow[]> {
  const rows: TwcsRow[] = [];
  for await (const row of readTwcsFile(join(DIR, name))) {
    rows.push(row);
  }

  return rows;
}

/** Threads that hold at least one of `rows`, out of threads built over `universe`. */
function threadsTouching(rows: TwcsRow[], universe: TwcsRow[]): number {
  const ids = new Set(rows.map((r) => r.tweetId));

  return buildThreads(universe).filter((t) => t.rows.some((r) => ids.has(r.tweetId))).length;
}

describeIfData('TWCS developer share (SOURCES.md numbers)', () => {
  let head: TwcsRow[];
  let sample: TwcsRow[];
  let random: TwcsRow[];

  beforeAll(async () => {
    [head, sample, random] = await Promise.all([
      load('twcs_head_5000.csv'),
      load('sample.csv'),
      load('twcs_random_5000.csv'),
    ]);
  });

  it('reads every row of each file', () => {
    expect(head).toHaveLength(3541);
    expect(sample).toHaveLength(64);
    expect(random).toHaveLength(3536);
    expect(head.filter((r) => !r.inbound)).toHaveLength(1561);
    expect(sample.filter((r) => !r.inbound)).toHaveLength(29);
    expect(random.filter((r) => !r.inbound)).toHaveLength(1647);
    expect(new Set(head.filter((r) => !r.inbound).map((r) => r.authorId)).size).toBe(74);
    const years = new Set([...head, ...sample, ...random].map((r) => r.createdAt.getUTCFullYear()));
    expect([...years].every((y) => y >= 2008 && y <= 2017)).toBe(true);
    expect(head[0]).toMatchObject({ tweetId: '11', authorId: 'sprintcare', inResponseToTweetId: '12' });
    expect(head[0].createdAt.toISOString()).toBe('2017-10-31T22:10:35.000Z');
  });

  it('resolves the parent links SOURCES.md counts', () => {
    const ids = new Set(head.map((r) => r.tweetId));
    const links = head.filter((r) => r.inResponseToTweetId);
    expect(links).toHaveLength(2626);
    expect(links.filter((r) => ids.has(r.inResponseToTweetId!))).toHaveLength(2622);
  });

  it('finds 919 threads in the head file and 18 in sample.csv', () => {
    const all = [...head, ...sample, ...random];
    expect(buildThreads(head)).toHaveLength(919);
    expect(threadsTouching(head, all)).toBe(919);
    // SOURCES.md grouped threads over the three files together. sample.csv alone gives 19: two of
    // its groups are joined only by a twcs_random_5000.csv row (tweet 119239, an id sample.csv
    // uses for a different tweet — an inconsistency in Kaggle's sample.csv).
    expect(threadsTouching(sample, all)).toBe(18);
    expect(buildThreads(sample)).toHaveLength(19);
  });
});
