import { InitialMetrics1763800000300 } from './1763800000300-initial-metrics';
import { ConversationFacts1763900000300 } from './1763900000300-conversation-facts';
import { DropHourlyRollups1764000000300 } from './1764000000300-drop-hourly-rollups';
import { ResponseCycles1764100000300 } from './1764100000300-response-cycles';
import { BrandIsolation1764100000400 } from './1764100000400-brand-isolation';
import { CaseMerges1765100000600 } from './1765100000600-case-merges';

export const METRICS_MIGRATIONS = [
  InitialMetrics1763800000300,
  ConversationFacts1763900000300,
  DropHourlyRollups1764000000300,
  ResponseCycles1764100000300,
  BrandIsolation1764100000400,
  CaseMerges1765100000600,
];
