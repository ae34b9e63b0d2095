import { cleanEnv, num } from 'envalid';

export interface MetricsEnv {
  /** How often the expected wait of every queue is recomputed and published (METRICS_WAIT_INTERVAL_MS). */
  readonly waitIntervalMs: number;
}

/**
 * The metrics service's own variables, validated once at boot (STYLE.md practice 5). To be folded
 * into `@roost/config` (RoostEnv) by the lead; until then this is the one place that reads them.
 */
export function readMetricsEnv(source: NodeJS.ProcessEnv = process.env): MetricsEnv {
  const e = cleanEnv(source, {
    METRICS_WAIT_INTERVAL_MS: num({
      default: 120_000,
      desc: 'expected-wait recomputation period, e.g. 120000',
    }),
  });
  if (e.METRICS_WAIT_INTERVAL_MS < 1000) {
    throw new Error('METRICS_WAIT_INTERVAL_MS must be at least 1000 (e.g. 120000)');
  }

  return Object.freeze({ waitIntervalMs: e.METRICS_WAIT_INTERVAL_MS });
}

export const METRICS_ENV = 'METRICS_ENV';
