import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * X's follower counts are not bounded by 2^31 - 1: an `int` column refused the whole routed batch
 * holding such an author (22003, numeric value out of range). bigint holds any count X reports.
 * The type change rewrites `customers` under an exclusive lock: one pass, at deploy.
 */
export class WideFollowerCounts1764600000100 implements MigrationInterface {
  name = 'WideFollowerCounts1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customers ALTER COLUMN followers_count TYPE bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE customers ALTER COLUMN followers_count TYPE int USING LEAST(followers_count, 2147483647)::int`,
    );
  }
}
