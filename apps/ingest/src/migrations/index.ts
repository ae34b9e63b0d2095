import { InitialIngest1763800000200 } from './1763800000200-initial-ingest';

export const INGEST_MIGRATIONS = [InitialIngest1763800000200];
