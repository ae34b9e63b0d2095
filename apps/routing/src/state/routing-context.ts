import type { BrandState } from './brand-state';
import type { ChangeSet } from './change-set';

/** Everything a decision needs: the brand's state, where changes are recorded, the time. */
export interface RoutingContext {
  state: BrandState;
  changes: ChangeSet;
  now: number;
  newId: () => string;
}
