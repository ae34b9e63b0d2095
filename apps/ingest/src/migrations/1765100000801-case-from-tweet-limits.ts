import { disableBrandIsolation, enableBrandIsolation } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_from_tweet_hits`: the cases from tweets asked for per brand and minute, per actor (`actor`
 * = the actor's id) and for the whole brand (`actor` = 'brand'), shared by every ingest instance,
 * so the per-minute limits hold across replicas. Rows of past minutes are deleted as new ones come.
 */
export class CaseFromTweetLimits1765100000801 implements MigrationInterface {
  name = 'CaseFromTweetLimits1765100000801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_from_tweet_hits (
        brand_id uuid NOT NULL,
        actor text NOT NULL,
        minute timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (brand_id, actor, minute)
      )`);
    await enableBrandIsolation(q, ['case_from_tweet_hits']);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, ['case_from_tweet_hits']);
    await q.query(`DROP TABLE case_from_tweet_hits`);
  }
}
