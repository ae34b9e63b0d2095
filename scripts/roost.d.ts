// Types for roost.js (imported by roost.spec.ts only for its SERVICES list).
import type { ServiceSpec } from './lib/plan';
export const SERVICES: ServiceSpec[];
