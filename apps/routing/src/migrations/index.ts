import { InitialRouting1763800000000 } from './1763800000000-initial-routing';

/** Explicit list, in order (no globs: STYLE.md practice 19). */
export const ROUTING_MIGRATIONS = [InitialRouting1763800000000];
