import { disableBrandIsolation, enableBrandIsolation } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['conversation_merges', 'split_messages'];

/**
 * Issue 13, merges and splits counted once. `conversation_merges`: each merged conversation and the
 * one it went into, with both openings before the merge; every later event about the merged one is
 * folded into the target, and the target's response cycles that started between the two openings
 * (the later opening of one and the same problem) are not cycles. `split_messages`: a customer
 * message split out into a new conversation, so its (late or redelivered) routed event is counted
 * there. Both under row-level security like every metrics table.
 */
export class CaseMerges1765100000600 implements MigrationInterface {
  name = 'CaseMerges1765100000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversation_merges (
        brand_id uuid NOT NULL,
        source_id uuid NOT NULL,
        target_id uuid NOT NULL,
        source_opened_at timestamptz NOT NULL,
        target_opened_at timestamptz NOT NULL,
        merged_at timestamptz NOT NULL,
        PRIMARY KEY (brand_id, source_id)
      );
      CREATE INDEX conversation_merges_target ON conversation_merges (brand_id, target_id);
      CREATE TABLE split_messages (
        brand_id uuid NOT NULL,
        tweet_id text NOT NULL,
        conversation_id uuid NOT NULL,
        source_id uuid NOT NULL,
        PRIMARY KEY (brand_id, tweet_id)
      );
    `);
    await enableBrandIsolation(q, TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, TABLES);
    await q.query(`DROP TABLE split_messages, conversation_merges`);
  }
}
