import {
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ingest table; `brands` is keyed by the brand id under the name `id`. `api_spend` is per
 * brand, not per app token: every X call's cost is recorded for the brand it was made for
 * (budget/x-budget.service.ts), and each brand has its own monthly budget.
 */
const TABLES = [
  'accounts',
  'listening_rules',
  'source_cursors',
  'api_spend',
  { table: 'brands', brandColumn: 'id' },
];

const FUNCTIONS: OwnerLookup[] = [
  {
    signature: 'listening_brands()',
    returns: 'SETOF uuid',
    body: 'SELECT DISTINCT brand_id FROM accounts ORDER BY 1',
  },
  {
    signature: 'api_spend_brands(month text)',
    returns: 'SETOF uuid',
    body: 'SELECT DISTINCT brand_id FROM api_spend WHERE api_spend.month = $1 ORDER BY 1',
  },
];

/**
 * Every ingest table under row-level security per brand (RELIABILITY.md): the service connects as
 * the app role and each transaction declares its brand. Two jobs span brands, and learn which
 * brands there are from owner-run (SECURITY DEFINER) functions that answer brand ids only, then
 * read each brand's rows as that brand:
 * - `listening_brands()`: brands with X accounts, for the listening directory (stream rules, pollers,
 *   compliance passes), loaded at start and re-read every few seconds;
 * - `api_spend_brands(month)`: brands with X API spend in a month, for the budget loaded at start.
 */
export class BrandIsolation1764100000500 implements MigrationInterface {
  name = 'BrandIsolation1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await enableBrandIsolation(q, TABLES);
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await disableBrandIsolation(q, TABLES);
  }
}
