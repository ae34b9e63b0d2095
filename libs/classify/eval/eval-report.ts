import { Classification, PiiType } from '../src';

export interface LabelledExample {
  id: string;
  lang: string;
  text: string;
  sentiment: string;
  intent: string;
  pii: PiiType[];
}

interface Tally {
  correct: number;
  total: number;
}

export interface SplitReport {
  n: number;
  language: Tally;
  sentiment: Tally;
  intent: Tally;
  perLanguage: Map<string, { language: Tally; sentiment: Tally; intent: Tally }>;
  /** Recall per gold class. */
  sentimentByClass: Map<string, Tally>;
  intentByClass: Map<string, Tally>;
  pii: { truePositives: number; predicted: number; expected: number };
  piiByType: Map<string, { tp: number; predicted: number; expected: number }>;
  errors: string[];
}

const tally = (): Tally => ({ correct: 0, total: 0 });
const bump = (t: Tally, ok: boolean): void => {
  t.total++;
  if (ok) t.correct++;
};

export function evaluate(
  examples: LabelledExample[],
  classify: (e: LabelledExample) => Classification,
): SplitReport {
  const report: SplitReport = {
    n: examples.length,
    language: tally(),
    sentiment: tally(),
    intent: tally(),
    perLanguage: new Map(),
    sentimentByClass: new Map(),
    intentByClass: new Map(),
    pii: { truePositives: 0, predicted: 0, expected: 0 },
    piiByType: new Map(),
    errors: [],
  };
  for (const example of examples) {
    const c = classify(example);
    const lang = report.perLanguage.get(example.lang) ?? {
      language: tally(),
      sentiment: tally(),
      intent: tally(),
    };
    report.perLanguage.set(example.lang, lang);
    const langOk = c.language === example.lang;
    const sentOk = c.sentiment.label === example.sentiment;
    const intentOk = c.intent === example.intent;
    for (const t of [report.language, lang.language]) bump(t, langOk);
    for (const t of [report.sentiment, lang.sentiment]) bump(t, sentOk);
    for (const t of [report.intent, lang.intent]) bump(t, intentOk);
    const sClass = report.sentimentByClass.get(example.sentiment) ?? tally();
    report.sentimentByClass.set(example.sentiment, sClass);
    bump(sClass, sentOk);
    const iClass = report.intentByClass.get(example.intent) ?? tally();
    report.intentByClass.set(example.intent, iClass);
    bump(iClass, intentOk);

    const expected = [...example.pii];
    const predicted = c.pii.map((m) => m.type);
    const remaining = [...expected];
    let tp = 0;
    for (const type of predicted) {
      const at = remaining.indexOf(type);
      const perType = report.piiByType.get(type) ?? { tp: 0, predicted: 0, expected: 0 };
      report.piiByType.set(type, perType);
      perType.predicted++;
      if (at >= 0) {
        remaining.splice(at, 1);
        tp++;
        perType.tp++;
      }
    }
    for (const type of expected) {
      const perType = report.piiByType.get(type) ?? { tp: 0, predicted: 0, expected: 0 };
      report.piiByType.set(type, perType);
      perType.expected++;
    }
    report.pii.truePositives += tp;
    report.pii.predicted += predicted.length;
    report.pii.expected += expected.length;

    if (!langOk || !sentOk || !intentOk || tp !== expected.length || tp !== predicted.length) {
      report.errors.push(
        `${example.id}: lang ${c.language}/${example.lang} sent ${c.sentiment.label}(${c.sentiment.score})/${example.sentiment} ` +
          `intent ${c.intent}/${example.intent} pii [${predicted}]/[${expected}]  ${example.text}`,
      );
    }
  }
  return report;
}

const pct = (t: Tally): string =>
  t.total === 0 ? '   -  ' : `${((100 * t.correct) / t.total).toFixed(1).padStart(5)}%`;
const ratio = (num: number, den: number): string =>
  den === 0 ? '   -  ' : `${((100 * num) / den).toFixed(1).padStart(5)}%`;

export function formatReport(title: string, r: SplitReport): string {
  const lines: string[] = [];
  lines.push(`\n=== ${title} (${r.n} examples) ===`);
  lines.push(
    `overall      language ${pct(r.language)}  sentiment ${pct(r.sentiment)}  intent ${pct(r.intent)}  ` +
      `pii precision ${ratio(r.pii.truePositives, r.pii.predicted)} recall ${ratio(r.pii.truePositives, r.pii.expected)}`,
  );
  lines.push('\nper language   n   language  sentiment  intent');
  for (const [lang, t] of [...r.perLanguage].sort()) {
    lines.push(
      `  ${lang.padEnd(10)} ${String(t.language.total).padStart(3)}   ${pct(t.language)}    ${pct(t.sentiment)}   ${pct(t.intent)}`,
    );
  }
  lines.push('\nsentiment recall per class');
  for (const [cls, t] of [...r.sentimentByClass].sort()) {
    lines.push(`  ${cls.padEnd(16)} ${String(t.total).padStart(3)}  ${pct(t)}`);
  }
  lines.push('\nintent recall per class');
  for (const [cls, t] of [...r.intentByClass].sort()) {
    lines.push(`  ${cls.padEnd(16)} ${String(t.total).padStart(3)}  ${pct(t)}`);
  }
  lines.push('\npii per type      expected predicted precision  recall');
  for (const [type, t] of [...r.piiByType].sort()) {
    lines.push(
      `  ${type.padEnd(16)} ${String(t.expected).padStart(4)} ${String(t.predicted).padStart(8)}    ${ratio(t.tp, t.predicted)}  ${ratio(t.tp, t.expected)}`,
    );
  }
  return lines.join('\n');
}
