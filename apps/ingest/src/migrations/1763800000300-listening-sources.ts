import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: DM polling per account, and the month's X API spend per brand and source (so the
 * budget survives restarts and every replica's spend adds up in one place).
 */
export class ListeningSources1763800000300 implements MigrationInterface {
  name = 'ListeningSources1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE accounts ADD COLUMN poll_dms boolean NOT NULL DEFAULT true;
      CREATE TABLE api_spend (
        brand_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        source text NOT NULL,
        calls bigint NOT NULL DEFAULT 0,
        items bigint NOT NULL DEFAULT 0,
        credits numeric NOT NULL DEFAULT 0,
        PRIMARY KEY (brand_id, month, source)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_spend; ALTER TABLE accounts DROP COLUMN poll_dms;`);
  }
}
