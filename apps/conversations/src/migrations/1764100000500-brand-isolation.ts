import {
  APP_ROLE,
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every conversations table that has a `brand_id` column. */
const TABLES = [
  'customers',
  'conversations',
  'messages',
  'outbound_ledger',
  'audit_log',
  'customer_notes',
  'canned_replies',
  'brand_guidelines',
  'brand_auto_posts',
  'wait_status_posts',
];

const FUNCTIONS: OwnerLookup[] = [
  {
    signature: 'outbound_unsettled_brands()',
    returns: 'SETOF uuid',
    body: `SELECT DISTINCT brand_id FROM outbound_ledger
           WHERE state IN ('pending','sending','unknown') AND (lease_until IS NULL OR lease_until < now()) ORDER BY 1`,
  },
];

/**
 * Every conversations table with a brand under row-level security per brand (RELIABILITY.md): the
 * service connects as the app role and each transaction declares its brand.
 *
 * Left out: `x_account_ids`, the X user id of each brand handle (no `brand_id`: keyed by the
 * public @handle, holding only the public id X gives anyone for it). The app role may read it and
 * add to it, nothing more. `audit_log.id` is a bigserial: the app role may draw from its sequence.
 *
 * The outbound reconciler settles posts of every brand: it learns which brands have posts due
 * through `outbound_unsettled_brands()`, which runs as its owner (SECURITY DEFINER) and answers
 * brand ids only, then claims each brand's rows as that brand.
 */
export class BrandIsolation1764100000500 implements MigrationInterface {
  name = 'BrandIsolation1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await enableBrandIsolation(q, TABLES);
    await q.query(`GRANT SELECT, INSERT ON x_account_ids TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${APP_ROLE}`);
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await q.query(`REVOKE ALL ON SEQUENCE audit_log_id_seq FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON x_account_ids FROM ${APP_ROLE}`);
    await disableBrandIsolation(q, TABLES);
  }
}
