import { InitialRouting1763800000000 } from './1763800000000-initial-routing';
import { ShiftsSlaWaiting1763900000000 } from './1763900000000-shifts-sla-waiting';
import { RoutingCatchUp1763900000001 } from './1763900000001-routing-catch-up';

/** Explicit list, in order (no globs: STYLE.md practice 19). */
export const ROUTING_MIGRATIONS = [InitialRouting1763800000000, ShiftsSlaWaiting1763900000000, RoutingCatchUp1763900000001];
