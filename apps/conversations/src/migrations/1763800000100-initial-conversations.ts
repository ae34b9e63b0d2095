import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations' schema: customers, conversations, messages, the outbound ledger and the audit
 * log. Unique keys are the final judge of "processed once" (RELIABILITY.md): an inbound tweet is
 * stored once per brand, an outbound post once per idempotency key.
 */
export class InitialConversations1763800000100 implements MigrationInterface {
  name = 'InitialConversations1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        x_user_id text NOT NULL,
        handle text NOT NULL,
        name text NOT NULL,
        followers_count int NOT NULL DEFAULT 0,
        verified boolean NOT NULL DEFAULT false,
        vip boolean NOT NULL DEFAULT false,
        tags text[] NOT NULL DEFAULT '{}',
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        UNIQUE (brand_id, x_user_id)
      );
      CREATE TABLE conversations (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        customer_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('public','dm')),
        status text NOT NULL CHECK (status IN ('waiting','assigned','snoozed','resolved')),
        queue_id uuid NOT NULL,
        assignee_id uuid,
        priority int NOT NULL,
        language text NOT NULL,
        sentiment text NOT NULL,
        intent text NOT NULL,
        reply_path text NOT NULL,
        account_handle text NOT NULL,
        x_conversation_id text,
        opened_at timestamptz NOT NULL,
        last_message_at timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at timestamptz,
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (brand_id, id),
        FOREIGN KEY (brand_id, customer_id) REFERENCES customers(brand_id, id)
      );
      CREATE INDEX conversations_recent ON conversations (brand_id, last_message_at DESC, id DESC);
      CREATE INDEX conversations_by_queue ON conversations (brand_id, queue_id, status, last_message_at DESC);
      CREATE INDEX conversations_by_assignee ON conversations (brand_id, assignee_id, status);
      CREATE INDEX conversations_by_customer ON conversations (brand_id, customer_id, opened_at DESC);
      CREATE TABLE messages (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        direction text NOT NULL CHECK (direction IN ('inbound','outbound')),
        channel text NOT NULL CHECK (channel IN ('public','dm')),
        x_id text,
        in_reply_to_x_id text,
        text text NOT NULL,
        author_x_id text,
        author_handle text NOT NULL,
        agent_id uuid,
        status text NOT NULL CHECK (status IN ('received','pending','sent','failed')),
        source text,
        classification jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (brand_id, id),
        FOREIGN KEY (brand_id, conversation_id) REFERENCES conversations(brand_id, id)
      );
      CREATE UNIQUE INDEX messages_once_per_x_id ON messages (brand_id, direction, x_id) WHERE x_id IS NOT NULL;
      CREATE INDEX messages_by_conversation ON messages (brand_id, conversation_id, created_at);
      CREATE TABLE outbound_ledger (
        brand_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        message_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reply','dm')),
        account_handle text NOT NULL,
        text text NOT NULL,
        in_reply_to_x_id text,
        recipient_x_id text,
        state text NOT NULL CHECK (state IN ('pending','sending','sent','failed','unknown')),
        x_id text,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, idempotency_key),
        UNIQUE (brand_id, message_id)
      );
      CREATE INDEX outbound_unsettled ON outbound_ledger (state, updated_at) WHERE state IN ('pending','sending','unknown');
      CREATE TABLE audit_log (
        brand_id uuid NOT NULL,
        id bigserial,
        actor_id uuid,
        action text NOT NULL,
        conversation_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log, outbound_ledger, messages, conversations, customers`);
  }
}
