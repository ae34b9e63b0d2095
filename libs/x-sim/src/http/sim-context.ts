import type { ComplianceJobs } from '../compliance/compliance-jobs';
import type { DuplicateGuard } from '../store/duplicate-guard';
import type { SimStore } from '../store/sim-store';
import type { StreamHub } from '../stream/stream-hub';
import type { StreamRuleBook } from '../stream/stream-rule-book';
import type { FaultInjector } from './fault-injector';
import type { RateLimiter } from './rate-limiter';
import type { SimMetrics } from './sim-metrics';
import type { WireSerializer } from './wire-serializer';

/** Everything a route handler may touch. */
export interface SimContext {
  store: SimStore;
  rules: StreamRuleBook;
  hub: StreamHub;
  serializer: WireSerializer;
  faults: FaultInjector;
  limiter: RateLimiter;
  metrics: SimMetrics;
  /** Recent posts per author: X's 403 duplicate content. */
  duplicates: DuplicateGuard;
  seedBrands: boolean;
  clock: () => number;
  compliance: ComplianceJobs;
}
