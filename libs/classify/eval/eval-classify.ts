/**
 * Accuracy of @roost/classify on the labelled multilingual fixture.
 *   npm run eval:classify                 both splits, detector path (no X lang) and X-lang path
 *   npm run eval:classify -- --errors     also list the dev split's mistakes (never the held-out's:
 *                                         tuning must not see them, or the held-out figure lies)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createClassifier } from '../src';
import { evaluate, formatReport, LabelledExample } from './eval-report';

function load(file: string): LabelledExample[] {
  return readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledExample);
}

function main(): void {
  const classifier = createClassifier();
  const brandHandles = ['acmecares'];
  const dev = load('fixture.jsonl');
  const holdout = load('fixture.holdout.jsonl');
  const detectorPath = (e: LabelledExample) =>
    classifier.classify({ text: e.text, context: { brandHandles } });
  const xLangPath = (e: LabelledExample) =>
    classifier.classify({ text: e.text, lang: e.lang, context: { brandHandles } });

  const out: string[] = [];
  out.push('Roost classify eval: language from the detector (X lang withheld), labels from the fixture.');
  const devReport = evaluate(dev, detectorPath);
  const holdReport = evaluate(holdout, detectorPath);
  out.push(formatReport('dev split (tuned on)', devReport));
  out.push(formatReport('held-out split (never tuned on)', holdReport));
  const devX = evaluate(dev, xLangPath);
  const holdX = evaluate(holdout, xLangPath);
  out.push('\n=== with X lang given (the usual case in production) ===');
  for (const [name, r] of [
    ['dev', devX],
    ['held-out', holdX],
  ] as const) {
    out.push(
      `  ${name.padEnd(9)} sentiment ${((100 * r.sentiment.correct) / r.sentiment.total).toFixed(1)}%  ` +
        `intent ${((100 * r.intent.correct) / r.intent.total).toFixed(1)}%`,
    );
  }
  if (process.argv.includes('--errors')) {
    out.push(`\n--- dev split mistakes (${devReport.errors.length}) ---`);
    out.push(...devReport.errors);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
