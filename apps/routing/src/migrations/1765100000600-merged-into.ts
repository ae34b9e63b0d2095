import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, merging: a conversation merged into another is resolved here with `merged_into_id`, so
 * its X thread (and the customer's DM leg) lead to the target from then on; loaded and caught up
 * like `dm_linked_at`, and never remembered as reopenable.
 */
export class MergedInto1765100000600 implements MigrationInterface {
  name = 'MergedInto1765100000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations ADD COLUMN merged_into_id uuid;
      CREATE INDEX conversations_merged_into ON conversations (brand_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_merged_into;
      ALTER TABLE conversations DROP COLUMN merged_into_id;
    `);
  }
}
