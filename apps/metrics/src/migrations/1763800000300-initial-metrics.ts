import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metrics' schema: hourly rollups folded from events. `folded_events` makes folding idempotent
 * on redelivery: an event id is counted once.
 */
export class InitialMetrics1763800000300 implements MigrationInterface {
  name = 'InitialMetrics1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE folded_events (
        brand_id uuid NOT NULL,
        event_id text NOT NULL,
        folded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, event_id)
      );
      CREATE TABLE hourly_rollups (
        brand_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        inbound int NOT NULL DEFAULT 0,
        conversations_opened int NOT NULL DEFAULT 0,
        negative int NOT NULL DEFAULT 0,
        neutral int NOT NULL DEFAULT 0,
        positive int NOT NULL DEFAULT 0,
        replies int NOT NULL DEFAULT 0,
        first_responses int NOT NULL DEFAULT 0,
        first_response_ms_sum bigint NOT NULL DEFAULT 0,
        first_response_ms_max bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (brand_id, queue_id, hour)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hourly_rollups, folded_events`);
  }
}
