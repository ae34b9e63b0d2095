import { createOwnerLookups, dropOwnerLookups, type OwnerLookup } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const FUNCTIONS: OwnerLookup[] = [
  {
    signature: 'snoozed_due_brands(timestamptz)',
    returns: 'SETOF uuid',
    body: `SELECT DISTINCT brand_id FROM conversations WHERE status = 'snoozed' AND snoozed_until <= $1 ORDER BY 1`,
  },
];

/**
 * The snooze wake-up: a partial index of snoozed conversations by their time (the sweep reads only
 * the due ones), and `snoozed_due_brands(now)`, the owner-run lookup that tells the sweep which
 * brands have one due (brand ids only), so it can then claim each brand's rows as that brand.
 */
export class SnoozeWakeUps1765100000100 implements MigrationInterface {
  name = 'SnoozeWakeUps1765100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX conversations_snoozed_due ON conversations (snoozed_until, brand_id) WHERE status = 'snoozed'`,
    );
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await q.query(`DROP INDEX conversations_snoozed_due`);
  }
}
