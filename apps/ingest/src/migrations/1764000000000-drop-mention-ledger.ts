import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentions stream is the ledger: ingest publishes with the message id `<brand>:<tweet>` and
 * accepts a mention when JetStream acknowledges it; routing and conversations keep brand + tweet
 * unique. The table in front of the publish cost one insert and one update per mention.
 */
export class DropMentionLedger1764000000000 implements MigrationInterface {
  name = 'DropMentionLedger1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mentions`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentions (
        brand_id uuid NOT NULL,
        tweet_id text NOT NULL,
        source text NOT NULL,
        payload jsonb NOT NULL,
        published boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, tweet_id)
      );
      CREATE INDEX mentions_unpublished ON mentions (received_at) WHERE NOT published;
    `);
  }
}
