import { bool, cleanEnv, num } from 'envalid';

/**
 * Ingest's settings beyond RoostEnv (issue 3). They belong in libs/config's RoostEnv; until the
 * lead moves them there, this is the one place ingest reads them, validated once at boot.
 */
export interface IngestSettings {
  /** Recent-search polling of brand names, hashtags, misspellings and intent phrases. */
  readonly search: boolean;
  readonly searchIntervalMs: number;
  /** DM events polling per brand account (user context). */
  readonly dms: boolean;
  readonly dmIntervalMs: number;
  /** Recent search from the last stream tweet id after every (re)connect. */
  readonly streamBackfill: boolean;
  /** Re-read accounts and rules so every replica sees changes another one made. */
  readonly directoryRefreshMs: number;
  /** Monthly X API budget per brand in credits (1 credit = 1 post read at list price); 0 = none. */
  readonly monthlyBudgetCredits: number;
  /** Cost in credits of one request, one post read and one DM event read. */
  readonly costPerRequest: number;
  readonly costPerPost: number;
  readonly costPerDm: number;
  /** Generated misspelling variants per brand name added to the X rules (local fuzzy catches more). */
  readonly maxVariantsPerName: number;
  /** How often batch compliance jobs in flight are checked and due brands' passes started. */
  readonly complianceTickMs: number;
}

export const INGEST_SETTINGS = 'INGEST_SETTINGS';

export const DEFAULT_INGEST_SETTINGS: IngestSettings = Object.freeze({
  search: true,
  searchIntervalMs: 30_000,
  dms: true,
  dmIntervalMs: 15_000,
  streamBackfill: true,
  directoryRefreshMs: 30_000,
  monthlyBudgetCredits: 0,
  costPerRequest: 0,
  costPerPost: 1,
  costPerDm: 2,
  maxVariantsPerName: 8,
  complianceTickMs: 60_000,
});

export function readIngestSettings(source: NodeJS.ProcessEnv = process.env): IngestSettings {
  const d = DEFAULT_INGEST_SETTINGS;
  const e = cleanEnv(source, {
    INGEST_SEARCH: bool({ default: d.search }),
    INGEST_SEARCH_INTERVAL_MS: num({ default: d.searchIntervalMs }),
    INGEST_DMS: bool({ default: d.dms }),
    INGEST_DM_INTERVAL_MS: num({ default: d.dmIntervalMs }),
    INGEST_STREAM_BACKFILL: bool({ default: d.streamBackfill }),
    INGEST_DIRECTORY_REFRESH_MS: num({ default: d.directoryRefreshMs }),
    INGEST_X_MONTHLY_BUDGET_CREDITS: num({ default: d.monthlyBudgetCredits }),
    INGEST_X_COST_PER_REQUEST: num({ default: d.costPerRequest }),
    INGEST_X_COST_PER_POST: num({ default: d.costPerPost }),
    INGEST_X_COST_PER_DM: num({ default: d.costPerDm }),
    INGEST_MAX_VARIANTS_PER_NAME: num({ default: d.maxVariantsPerName }),
    INGEST_COMPLIANCE_TICK_MS: num({ default: d.complianceTickMs }),
  });

  return Object.freeze({
    search: e.INGEST_SEARCH,
    searchIntervalMs: e.INGEST_SEARCH_INTERVAL_MS,
    dms: e.INGEST_DMS,
    dmIntervalMs: e.INGEST_DM_INTERVAL_MS,
    streamBackfill: e.INGEST_STREAM_BACKFILL,
    directoryRefreshMs: e.INGEST_DIRECTORY_REFRESH_MS,
    monthlyBudgetCredits: e.INGEST_X_MONTHLY_BUDGET_CREDITS,
    costPerRequest: e.INGEST_X_COST_PER_REQUEST,
    costPerPost: e.INGEST_X_COST_PER_POST,
    costPerDm: e.INGEST_X_COST_PER_DM,
    maxVariantsPerName: e.INGEST_MAX_VARIANTS_PER_NAME,
    complianceTickMs: e.INGEST_COMPLIANCE_TICK_MS,
  });
}
