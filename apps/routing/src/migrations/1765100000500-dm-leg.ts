import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the DM leg stays in the case. When an agent sends the customer a DM from a public
 * conversation (move to DM, or a DM of its own), the customer's DMs join that conversation while it
 * is open or reopenable, instead of opening a second one. `dm_linked_at` is when the brand last
 * DMed the customer from it (from `message.sent`); the latest link per customer wins.
 */
export class DmLeg1765100000500 implements MigrationInterface {
  name = 'DmLeg1765100000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN dm_linked_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations DROP COLUMN dm_linked_at`);
  }
}
