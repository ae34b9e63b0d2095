import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When routing last changed a conversation's queue or assignee (conversation.assigned `at`), so a
 * redelivered or late older event never undoes a newer transfer.
 */
export class AssignmentOrder1763800000300 implements MigrationInterface {
  name = 'AssignmentOrder1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN assignment_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations DROP COLUMN assignment_at`);
  }
}
