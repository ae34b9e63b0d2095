import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys for server-to-server integrations. Only the SHA-256 of a key is stored: keys are 256-bit
 * random strings, so a fast hash is as safe as a slow one and lets verification be one index lookup.
 * Revoked keys stay (audit: who created what, when it was last used), marked by `revoked_at`.
 */
export class ApiKeys1764000000200 implements MigrationInterface {
  name = 'ApiKeys1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('agent','supervisor','admin')),
        prefix text NOT NULL,
        key_hash bytea NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (brand_id, id)
      );
      CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
