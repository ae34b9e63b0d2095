import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingest's schema: brands' X accounts, listening rules, source cursors, and the mention ledger
 * that makes delivery exactly-once per (brand, tweet) across reconnects, backfills and restarts.
 */
export class InitialIngest1763800000200 implements MigrationInterface {
  name = 'InitialIngest1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brands (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE accounts (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        handle text NOT NULL,
        x_user_id text,
        role text NOT NULL CHECK (role IN ('care','engagement')),
        api_tier text NOT NULL DEFAULT 'pro' CHECK (api_tier IN ('free','basic','pro','pay_per_use','enterprise')),
        poll_mentions boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        UNIQUE (brand_id, handle)
      );
      CREATE TABLE listening_rules (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('handle','hashtag','keyword','phrase','misspelling','purchase_intent','exclusion')),
        value text NOT NULL,
        language text,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        UNIQUE (brand_id, kind, value)
      );
      CREATE TABLE source_cursors (
        brand_id uuid NOT NULL,
        source text NOT NULL,
        key text NOT NULL,
        since_id text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, source, key)
      );
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

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mentions, source_cursors, listening_rules, accounts, brands`);
  }
}
