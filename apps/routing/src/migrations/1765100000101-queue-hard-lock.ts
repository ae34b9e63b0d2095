import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: an optional hard lock per queue. When set, only a conversation's assignee may reply,
 * DM, move to DM or resolve with a follow-up (conversations asks routing which queues are locked);
 * a supervisor takes over first. Off by default.
 */
export class QueueHardLock1765100000101 implements MigrationInterface {
  name = 'QueueHardLock1765100000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queues ADD COLUMN hard_lock boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queues DROP COLUMN hard_lock`);
  }
}
