import { InitialIngest1763800000200 } from './1763800000200-initial-ingest';
import { ListeningSources1763800000300 } from './1763800000300-listening-sources';

export const INGEST_MIGRATIONS = [InitialIngest1763800000200, ListeningSources1763800000300];
