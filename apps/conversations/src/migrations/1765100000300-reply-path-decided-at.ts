import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * X's reply policy is judged per tweet, and a public reply answers the customer's latest public
 * tweet: `reply_path` follows the latest inbound public message, and `reply_path_at` is that
 * message's time, so a redelivered or late older tweet does not overwrite a newer decision. NULL
 * (rows written before) means "decided by the opening message" (`opened_at`). Nullable, no
 * rewrite: the older release keeps running during the upgrade and simply does not set it.
 */
export class ReplyPathDecidedAt1765100000300 implements MigrationInterface {
  name = 'ReplyPathDecidedAt1765100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN IF NOT EXISTS reply_path_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations DROP COLUMN IF EXISTS reply_path_at`);
  }
}
