import { InitialMetrics1763800000300 } from './1763800000300-initial-metrics';

export const METRICS_MIGRATIONS = [InitialMetrics1763800000300];
