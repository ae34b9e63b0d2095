import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: agent actions, customers' notes and profile, canned replies and guidelines, a lease on
 * outbound posts (so the reconciler never settles a post another instance is still sending), and the
 * claim that stops two agents answering the same customer message.
 */
export class ConversationActions1763800000200 implements MigrationInterface {
  name = 'ConversationActions1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customers ADD COLUMN language text;
      ALTER TABLE conversations
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN snoozed_until timestamptz,
        ADD COLUMN moved_to_dm_at timestamptz;
      CREATE INDEX conversations_by_x_conversation ON conversations (brand_id, x_conversation_id) WHERE x_conversation_id IS NOT NULL;
      ALTER TABLE messages ADD COLUMN answered_by uuid;
      CREATE INDEX messages_by_in_reply_to ON messages (brand_id, in_reply_to_x_id) WHERE in_reply_to_x_id IS NOT NULL;
      ALTER TABLE outbound_ledger ADD COLUMN lease_until timestamptz;
      CREATE TABLE customer_notes (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        customer_id uuid NOT NULL,
        conversation_id uuid,
        author_id uuid NOT NULL,
        author_initials text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        FOREIGN KEY (brand_id, customer_id) REFERENCES customers(brand_id, id)
      );
      CREATE INDEX customer_notes_by_customer ON customer_notes (brand_id, customer_id, created_at DESC);
      CREATE TABLE canned_replies (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        language text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        UNIQUE (brand_id, language, title)
      );
      CREATE TABLE brand_guidelines (
        brand_id uuid PRIMARY KEY,
        banned_phrases text[] NOT NULL DEFAULT '{}',
        queue_hours jsonb NOT NULL DEFAULT '{}',
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_by_conversation ON audit_log (brand_id, conversation_id, at);
      -- The brand handles' X user ids, learnt once: X limits users/me to 75 calls per 15 minutes.
      CREATE TABLE x_account_ids (
        handle text PRIMARY KEY,
        x_user_id text NOT NULL,
        learnt_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE x_account_ids;
      DROP INDEX audit_by_conversation;
      DROP TABLE brand_guidelines, canned_replies, customer_notes;
      ALTER TABLE outbound_ledger DROP COLUMN lease_until;
      DROP INDEX messages_by_in_reply_to;
      ALTER TABLE messages DROP COLUMN answered_by;
      DROP INDEX conversations_by_x_conversation;
      ALTER TABLE conversations DROP COLUMN moved_to_dm_at, DROP COLUMN snoozed_until, DROP COLUMN tags;
      ALTER TABLE customers DROP COLUMN language;
    `);
  }
}
