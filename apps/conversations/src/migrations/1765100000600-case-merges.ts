import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, stitching and merging: a conversation merged into another keeps its row (resolved for
 * good) with `merged_into`, so a late customer message routed to it lands in the target and it can
 * never be reopened; a conversation split out of another names it in `split_from`. The history of
 * merges and splits is the audit log (`conversation.merged`, `conversation.split`), no new table.
 * Suggestions read the customer's other conversations by `conversations_by_customer`.
 */
export class CaseMerges1765100000600 implements MigrationInterface {
  name = 'CaseMerges1765100000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations ADD COLUMN merged_into uuid, ADD COLUMN split_from uuid;
      -- The tweet a customer's quote tweet quotes: a quote of the brand's thread is suggested as the same case.
      ALTER TABLE messages ADD COLUMN quoted_x_id text;
      CREATE INDEX conversations_merged_into ON conversations (brand_id, merged_into) WHERE merged_into IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_merged_into;
      ALTER TABLE messages DROP COLUMN quoted_x_id;
      ALTER TABLE conversations DROP COLUMN split_from, DROP COLUMN merged_into;
    `);
  }
}
