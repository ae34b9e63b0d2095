import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agent access lifecycle: an admin deactivates an agent who leaves (login refused, out of routing,
 * their tokens refused by every gateway) and reactivates them; a password change or reset revokes
 * the tokens issued before it. `tokens_valid_after`: tokens whose `iat` is earlier are refused.
 * The partial index serves the gateways' list of recent revocations.
 */
export class AgentAccess1764000000500 implements MigrationInterface {
  name = 'AgentAccess1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agents ADD COLUMN active boolean NOT NULL DEFAULT true;
      ALTER TABLE agents ADD COLUMN tokens_valid_after timestamptz;
      CREATE INDEX agents_revoked ON agents (tokens_valid_after) WHERE tokens_valid_after IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX agents_revoked; ALTER TABLE agents DROP COLUMN tokens_valid_after; ALTER TABLE agents DROP COLUMN active;`,
    );
  }
}
