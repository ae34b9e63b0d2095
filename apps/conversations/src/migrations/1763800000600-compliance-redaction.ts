import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance (X's developer terms): a tweet its author deleted, and everything of a user who
 * protected, suspended or deactivated the account, is redacted in place. The rows stay (ids,
 * times, counts, threading, metrics); the text and profile go, and the row says why and when.
 */
export class ComplianceRedaction1763800000600 implements MigrationInterface {
  name = 'ComplianceRedaction1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN redacted_at timestamptz,
        ADD COLUMN redaction text CHECK (redaction IN ('deleted_by_author','author_withdrawn'));
      ALTER TABLE customers
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawn_reason text;
      -- A withdrawn user's messages, and the held-ids pages ingest's compliance jobs upload.
      CREATE INDEX messages_inbound_by_author ON messages (brand_id, author_x_id) WHERE direction = 'inbound';
      CREATE INDEX messages_compliance_held ON messages (brand_id, length(x_id), x_id)
        WHERE direction = 'inbound' AND channel = 'public' AND x_id IS NOT NULL AND redacted_at IS NULL;
      CREATE INDEX customers_compliance_held ON customers (brand_id, length(x_user_id), x_user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX customers_compliance_held, messages_compliance_held, messages_inbound_by_author;
      ALTER TABLE customers DROP COLUMN withdrawn_reason, DROP COLUMN withdrawn_at;
      ALTER TABLE messages DROP COLUMN redaction, DROP COLUMN redacted_at;
    `);
  }
}
