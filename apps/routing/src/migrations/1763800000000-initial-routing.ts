import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's schema. Invariants live here (ARCHITECTURE.md "money-like invariants"):
 * an agent's active conversations never exceed capacity (CHECK), a mention is routed once
 * (primary key on brand + tweet), one open conversation per customer and channel (partial unique).
 * Brand leads every key and index (RELIABILITY.md).
 */
export class InitialRouting1763800000000 implements MigrationInterface {
  name = 'InitialRouting1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brands (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE queues (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        name text NOT NULL,
        team text NOT NULL CHECK (team IN ('care','sales')),
        timezone text NOT NULL DEFAULT 'UTC',
        sla_first_response_minutes int NOT NULL DEFAULT 60 CHECK (sla_first_response_minutes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        UNIQUE (brand_id, name)
      );
      CREATE TABLE agents (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        initials text NOT NULL CHECK (char_length(initials) BETWEEN 1 AND 4),
        role text NOT NULL CHECK (role IN ('agent','supervisor','admin')),
        password_hash text NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        timezone text NOT NULL DEFAULT 'UTC',
        status text NOT NULL DEFAULT 'offline' CHECK (status IN ('online','away','offline')),
        capacity int NOT NULL DEFAULT 5 CHECK (capacity >= 0),
        active_count int NOT NULL DEFAULT 0 CHECK (active_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id),
        CONSTRAINT agents_within_capacity CHECK (active_count <= capacity)
      );
      CREATE UNIQUE INDEX agents_email ON agents (lower(email));
      CREATE TABLE agent_queues (
        brand_id uuid NOT NULL,
        agent_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        PRIMARY KEY (brand_id, agent_id, queue_id),
        FOREIGN KEY (brand_id, agent_id) REFERENCES agents(brand_id, id) ON DELETE CASCADE,
        FOREIGN KEY (brand_id, queue_id) REFERENCES queues(brand_id, id) ON DELETE CASCADE
      );
      CREATE TABLE routing_rules (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        position int NOT NULL,
        name text NOT NULL,
        conditions jsonb NOT NULL DEFAULT '{}',
        queue_id uuid NOT NULL,
        priority_boost int NOT NULL DEFAULT 0,
        enabled boolean NOT NULL DEFAULT true,
        PRIMARY KEY (brand_id, id),
        FOREIGN KEY (brand_id, queue_id) REFERENCES queues(brand_id, id)
      );
      CREATE TABLE conversations (
        brand_id uuid NOT NULL REFERENCES brands(id),
        id uuid NOT NULL,
        customer_x_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('public','dm')),
        x_conversation_id text,
        queue_id uuid NOT NULL,
        assignee_id uuid,
        status text NOT NULL CHECK (status IN ('waiting','assigned','snoozed','resolved')),
        priority int NOT NULL,
        language text NOT NULL,
        opened_at timestamptz NOT NULL,
        last_inbound_at timestamptz NOT NULL,
        assigned_at timestamptz,
        resolved_at timestamptz,
        PRIMARY KEY (brand_id, id),
        FOREIGN KEY (brand_id, queue_id) REFERENCES queues(brand_id, id),
        FOREIGN KEY (brand_id, assignee_id) REFERENCES agents(brand_id, id),
        CHECK ((status = 'assigned') = (assignee_id IS NOT NULL) OR status IN ('snoozed','resolved'))
      );
      CREATE UNIQUE INDEX conversations_one_open_per_customer
        ON conversations (brand_id, customer_x_id, channel) WHERE status <> 'resolved';
      CREATE INDEX conversations_waiting ON conversations (brand_id, queue_id, priority DESC, opened_at)
        WHERE status = 'waiting';
      CREATE INDEX conversations_by_assignee ON conversations (brand_id, assignee_id) WHERE status = 'assigned';
      CREATE TABLE routed_mentions (
        brand_id uuid NOT NULL,
        tweet_id text NOT NULL,
        conversation_id uuid NOT NULL,
        opened boolean NOT NULL,
        status text NOT NULL,
        assignee_id uuid,
        queue_id uuid NOT NULL,
        priority int NOT NULL,
        routed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, tweet_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE routed_mentions, conversations, routing_rules, agent_queues, agents, queues, brands`,
    );
  }
}
