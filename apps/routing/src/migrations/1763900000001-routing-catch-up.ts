import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental catch-up between routing instances: each conversation row carries the brand routing
 * version that last wrote it, so an instance whose memory is behind loads only what changed since
 * (not every open conversation). Configuration changes bump `config_version` and force a full reload.
 */
export class RoutingCatchUp1763900000001 implements MigrationInterface {
  name = 'RoutingCatchUp1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE routing_versions ADD COLUMN config_version bigint NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN routing_version bigint NOT NULL DEFAULT 0;
      CREATE INDEX conversations_routing_version ON conversations (brand_id, routing_version);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_routing_version;
      ALTER TABLE conversations DROP COLUMN routing_version;
      ALTER TABLE routing_versions DROP COLUMN config_version;
    `);
  }
}
