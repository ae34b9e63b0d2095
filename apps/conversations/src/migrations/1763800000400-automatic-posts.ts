import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issues 4 and 6: posts the brand makes without an agent (the out-of-hours acknowledgement, the
 * expected-wait status tweet) go through the same outbound ledger, marked by `purpose` so their
 * commit neither sets the first response nor announces `message.sent`. A status tweet belongs to
 * no conversation. `brand_auto_posts` holds each brand's settings; `wait_status_posts` the last
 * status tweet per queue (minimum interval, minimum change).
 */
export class AutomaticPosts1763800000400 implements MigrationInterface {
  name = 'AutomaticPosts1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbound_ledger
        ADD COLUMN purpose text NOT NULL DEFAULT 'agent' CHECK (purpose IN ('agent','ooh_ack','wait_status')),
        ALTER COLUMN conversation_id DROP NOT NULL,
        ADD CONSTRAINT outbound_ledger_conversation_required CHECK (purpose = 'wait_status' OR conversation_id IS NOT NULL);
      CREATE TABLE brand_auto_posts (
        brand_id uuid PRIMARY KEY,
        ooh_ack_enabled boolean NOT NULL DEFAULT false,
        ooh_ack_templates jsonb NOT NULL DEFAULT '{}',
        wait_status jsonb,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE wait_status_posts (
        brand_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        last_posted_at timestamptz NOT NULL,
        last_wait_seconds double precision NOT NULL,
        PRIMARY KEY (brand_id, queue_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE wait_status_posts, brand_auto_posts;
      DELETE FROM outbound_ledger WHERE purpose = 'wait_status';
      ALTER TABLE outbound_ledger DROP CONSTRAINT outbound_ledger_conversation_required,
        ALTER COLUMN conversation_id SET NOT NULL, DROP COLUMN purpose;
    `);
  }
}
