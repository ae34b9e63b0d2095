import { InitialIngest1763800000200 } from './1763800000200-initial-ingest';
import { ListeningSources1763800000300 } from './1763800000300-listening-sources';
import { DropMentionLedger1764000000000 } from './1764000000000-drop-mention-ledger';
import { BrandIsolation1764100000500 } from './1764100000500-brand-isolation';
import { CaseFromTweetLimits1765100000801 } from './1765100000801-case-from-tweet-limits';

export const INGEST_MIGRATIONS = [
  InitialIngest1763800000200,
  ListeningSources1763800000300,
  DropMentionLedger1764000000000,
  BrandIsolation1764100000500,
  CaseFromTweetLimits1765100000801,
];
