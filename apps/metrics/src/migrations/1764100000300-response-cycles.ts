import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Response cycles: a conversation's first response and SLA were measured once, from its opening,
 * so a conversation a customer reopened the next day never had its new wait measured. Each opening
 * (the first and every reopening) is now a cycle with its own first response: the earliest brand
 * reply from the cycle's start to the next cycle's start (the first cycle also takes replies stamped
 * before it, clock skew between services). Replies are kept as `outbound_messages` so the cycles can
 * be recomputed whatever order the events arrive in.
 *
 * Existing history is carried over: every conversation with an opening becomes one cycle, and its
 * known first and latest replies become outbound rows, so a late event recomputes the same figure.
 */
export class ResponseCycles1764100000300 implements MigrationInterface {
  name = 'ResponseCycles1764100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbound_messages (
        brand_id uuid NOT NULL,
        message_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        at timestamptz NOT NULL,
        agent_id uuid,
        PRIMARY KEY (brand_id, message_id)
      );
      CREATE INDEX outbound_messages_conversation ON outbound_messages (brand_id, conversation_id, at);
      CREATE TABLE response_cycles (
        brand_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        queue_id uuid NOT NULL,
        agent_id uuid,
        language text NOT NULL,
        channel text NOT NULL,
        priority int NOT NULL,
        first_response_at timestamptz,
        first_response_agent_id uuid,
        first_response_ms bigint GENERATED ALWAYS AS (
          CASE WHEN first_response_at IS NOT NULL
            THEN GREATEST(0, (EXTRACT(EPOCH FROM (first_response_at - started_at)) * 1000)::bigint) END
        ) STORED,
        PRIMARY KEY (brand_id, conversation_id, started_at)
      );
      CREATE INDEX response_cycles_report ON response_cycles (brand_id, started_at)
        INCLUDE (queue_id, agent_id, first_response_agent_id, language, channel, priority, first_response_ms);

      INSERT INTO response_cycles (brand_id, conversation_id, started_at, queue_id, agent_id, language, channel, priority,
        first_response_at, first_response_agent_id)
      SELECT brand_id, conversation_id, opened_at, queue_id, agent_id, coalesce(language, 'und'), coalesce(channel, 'public'),
        coalesce(priority, 0), first_response_at, first_response_agent_id
      FROM conversation_facts WHERE opened_at IS NOT NULL AND queue_id IS NOT NULL;
      INSERT INTO outbound_messages (brand_id, message_id, conversation_id, at, agent_id)
      SELECT brand_id, md5(conversation_id::text || ':first')::uuid, conversation_id, first_response_at, first_response_agent_id
      FROM conversation_facts WHERE first_response_at IS NOT NULL
      UNION ALL
      SELECT brand_id, md5(conversation_id::text || ':last')::uuid, conversation_id, last_reply_at, NULL
      FROM conversation_facts WHERE last_reply_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE response_cycles, outbound_messages`);
  }
}
