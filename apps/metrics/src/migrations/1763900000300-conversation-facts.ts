import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Milliseconds between two timestamps, never negative (clock skew between services); null until both are known. */
const ms = (to: string, from: string) =>
  `CASE WHEN ${to} IS NOT NULL AND ${from} IS NOT NULL THEN GREATEST(0, (EXTRACT(EPOCH FROM (${to} - ${from})) * 1000)::bigint) END`;

/**
 * Issue 6: one fact row per conversation and one per inbound message, so reports can give
 * percentiles (exact, `percentile_cont`) over any range, timezone and filter.
 *
 * Every column of `conversation_facts` is written by a merge that is commutative and idempotent
 * (earliest wins, latest wins with a deterministic tie-break, or recomputed from
 * `inbound_messages`), so redelivered and out-of-order events give the same row. The durations are
 * generated columns: they are right as soon as both ends are known, whatever arrived first.
 *
 * Brand leads every index (ARCHITECTURE.md); the report index covers the columns reports read so
 * a range scan stays index-only where the visibility map allows.
 */
export class ConversationFacts1763900000300 implements MigrationInterface {
  name = 'ConversationFacts1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversation_facts (
        brand_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        queue_id uuid,
        queue_at timestamptz,
        agent_id uuid,
        agent_at timestamptz,
        language text,
        channel text,
        priority int,
        dims_at timestamptz,
        opened_at timestamptz,
        first_assigned_at timestamptz,
        first_response_at timestamptz,
        first_response_agent_id uuid,
        last_reply_at timestamptz,
        resolved_at timestamptz,
        reopened_at timestamptz,
        inbound int NOT NULL DEFAULT 0,
        answered int NOT NULL DEFAULT 0,
        negative int NOT NULL DEFAULT 0,
        neutral int NOT NULL DEFAULT 0,
        positive int NOT NULL DEFAULT 0,
        first_sentiment text,
        first_score real,
        last_sentiment text,
        last_score real,
        first_response_ms bigint GENERATED ALWAYS AS (${ms('first_response_at', 'opened_at')}) STORED,
        resolution_ms bigint GENERATED ALWAYS AS (
          CASE WHEN reopened_at IS NULL OR resolved_at > reopened_at THEN ${ms('resolved_at', 'opened_at')} END
        ) STORED,
        handle_ms bigint GENERATED ALWAYS AS (
          CASE WHEN reopened_at IS NULL OR resolved_at > reopened_at THEN ${ms('resolved_at', 'first_assigned_at')} END
        ) STORED,
        PRIMARY KEY (brand_id, conversation_id)
      );
      CREATE INDEX conversation_facts_report ON conversation_facts (brand_id, opened_at)
        INCLUDE (queue_id, agent_id, language, channel, priority, first_response_ms, resolution_ms, handle_ms,
                 inbound, answered, negative, neutral, positive, first_sentiment, last_sentiment, first_score, last_score);
      CREATE TABLE inbound_messages (
        brand_id uuid NOT NULL,
        tweet_id text NOT NULL,
        conversation_id uuid NOT NULL,
        at timestamptz NOT NULL,
        queue_id uuid NOT NULL,
        language text NOT NULL,
        channel text NOT NULL,
        sentiment text NOT NULL,
        score real NOT NULL,
        PRIMARY KEY (brand_id, tweet_id)
      );
      CREATE INDEX inbound_messages_conversation ON inbound_messages (brand_id, conversation_id);
      CREATE INDEX inbound_messages_at ON inbound_messages (brand_id, at) INCLUDE (queue_id, language, channel);
      CREATE TABLE queue_state (
        brand_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        waiting int NOT NULL,
        assigned int NOT NULL,
        oldest_waiting_since timestamptz,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (brand_id, queue_id)
      );
      CREATE TABLE brand_settings (
        brand_id uuid PRIMARY KEY,
        sla_minutes int NOT NULL DEFAULT 60 CHECK (sla_minutes > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE brand_settings, queue_state, inbound_messages, conversation_facts`);
  }
}
