/** The bench output contract: one JSON object per line (name, value, unit, baseline?, ratio?). */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  [extra: string]: unknown;
}

export function report(f: BenchFigure): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

/** ratio where higher is better: throughput value/baseline; latency baseline/value. */
export function ratio(value: number, baseline: number, higherIsBetter: boolean): number {
  if (!baseline || !value) return 0;

  return Math.round((higherIsBetter ? value / baseline : baseline / value) * 1000) / 1000;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));

  return sorted[i] ?? NaN;
}
