import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: a customer who writes again within the queue's reopen window reopens their resolved
 * conversation (same id, same queue, offered first to the agent who resolved it) instead of
 * starting a new one. 0 turns reopening off for the queue. Default: 24 hours.
 */
export class ReopenWindow1764000000300 implements MigrationInterface {
  name = 'ReopenWindow1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE queues ADD COLUMN reopen_window_minutes int NOT NULL DEFAULT 1440 CHECK (reopen_window_minutes >= 0);
      CREATE INDEX conversations_recently_resolved ON conversations (brand_id, resolved_at) WHERE status = 'resolved';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX conversations_recently_resolved; ALTER TABLE queues DROP COLUMN reopen_window_minutes;`,
    );
  }
}
