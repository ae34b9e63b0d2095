import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the old dispatcher wrote on a `failed` row whose post may well be on X: 5xx or 429 through
 * its retries, the reconciler giving up, or a duplicate-content refusal of a retry (the first
 * attempt went through). A duplicate refused on the first attempt was a real refusal and stays.
 */
const UNCLEAR = `state = 'failed' AND (last_error ~ '^(5[0-9][0-9]|429|408) ' OR last_error = 'gave up after reconciliation'
  OR (last_error ~* '^403 .*duplicate' AND attempts > 1))`;

/**
 * Before issue 12 the dispatcher marked a post `failed` after three 5xx/429 answers, and the
 * reconciler after six unclear rounds, though X may have posted it (a 5xx can come after the
 * commit). Those rows go back to `unknown`, their message back to `pending`, so the reconciler
 * looks on X for them: found, they are recorded as sent; not there, they are posted. A clear
 * refusal (400, 401, 403, 404) stays failed. Also an index for the reconciler's "is this X post
 * already another row's?" check.
 */
export class ReconcileUnclearFailures1764500000100 implements MigrationInterface {
  name = 'ReconcileUnclearFailures1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX outbound_ledger_by_x_id ON outbound_ledger (brand_id, x_id) WHERE x_id IS NOT NULL;
      UPDATE messages m SET status = 'pending' FROM outbound_ledger l
        WHERE l.brand_id = m.brand_id AND l.message_id = m.id AND m.status = 'failed' AND ${UNCLEAR};
      UPDATE outbound_ledger SET state = 'unknown', lease_until = NULL, updated_at = now() WHERE ${UNCLEAR};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The reconciled rows keep their new state: marking them failed again would be the old bug.
    await q.query(`DROP INDEX outbound_ledger_by_x_id`);
  }
}
