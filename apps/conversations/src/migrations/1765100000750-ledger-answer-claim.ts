import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer message a post claimed (`messages.answered_by`), kept on its ledger row so the
 * reconciler, which fails a post whose media never reaches X, releases the claim as the request
 * path does. Nullable, no rewrite: rows of the older release simply have none.
 */
export class LedgerAnswerClaim1765100000750 implements MigrationInterface {
  name = 'LedgerAnswerClaim1765100000750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_ledger ADD COLUMN IF NOT EXISTS claim_inbound_x_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_ledger DROP COLUMN IF EXISTS claim_inbound_x_id`);
  }
}
