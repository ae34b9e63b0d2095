import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: capacity per channel within an agent's total (e.g. `{"dm": 2}` of 5): DMs take longer,
 * so a brand can cap them while public replies fill the rest. Keys are channels, values positive.
 */
export class AgentChannelCapacity1764000000100 implements MigrationInterface {
  name = 'AgentChannelCapacity1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION routing_valid_channel_capacity(c jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_typeof(c) = 'object' AND NOT EXISTS (
          SELECT 1 FROM jsonb_each(c) e
          WHERE e.key NOT IN ('public', 'dm') OR jsonb_typeof(e.value) <> 'number' OR (e.value)::numeric < 1
            OR (e.value)::numeric <> trunc((e.value)::numeric))
      $$;
      ALTER TABLE agents ADD COLUMN channel_capacity jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT agents_channel_capacity_valid CHECK (routing_valid_channel_capacity(channel_capacity));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE agents DROP COLUMN channel_capacity; DROP FUNCTION routing_valid_channel_capacity(jsonb);`,
    );
  }
}
