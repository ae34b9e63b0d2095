import type { MigrationInterface, QueryRunner } from 'typeorm';
import { InitialMetrics1763800000300 } from './1763800000300-initial-metrics';

/** The hourly rollups were superseded by conversation facts (exact percentiles); nothing reads them. */
export class DropHourlyRollups1764000000300 implements MigrationInterface {
  name = 'DropHourlyRollups1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS hourly_rollups, folded_events`);
  }

  async down(q: QueryRunner): Promise<void> {
    await new InitialMetrics1763800000300().up(q);
  }
}
