import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys may expire, and a key dies with its creator's access (deactivated, or demoted below the
 * key's role) unless an admin created it unbound. Existing keys become bound: a key minted by an
 * admin who has since left should stop, which is the point of the change.
 */
export class ApiKeyExpiry1764400000400 implements MigrationInterface {
  name = 'ApiKeyExpiry1764400000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN bound_to_creator boolean NOT NULL DEFAULT true
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys DROP COLUMN expires_at, DROP COLUMN bound_to_creator`);
  }
}
