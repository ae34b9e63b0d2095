import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: shifts, business hours, strategies, SLA timers, the per-brand write version and the
 * outbox of conversation.assigned events.
 *
 * `routing_versions` is the fence that keeps several routing instances correct: every write to a
 * brand's routing state takes `SELECT … FOR UPDATE` on the brand's row, compares the version with
 * the one its memory was loaded at (reloading if another instance wrote since) and bumps it in the
 * same transaction. Decisions stay in memory, one database round trip per batch.
 */
export class ShiftsSlaWaiting1763900000000 implements MigrationInterface {
  name = 'ShiftsSlaWaiting1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing_versions (
        brand_id uuid PRIMARY KEY REFERENCES brands(id),
        version bigint NOT NULL DEFAULT 0
      );
      ALTER TABLE agents
        ADD COLUMN shifts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN shift_exceptions jsonb NOT NULL DEFAULT '[]';
      ALTER TABLE queues
        ADD COLUMN business_hours jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN sla_targets jsonb NOT NULL DEFAULT '[{"minPriority":70,"minutes":30},{"minPriority":0,"minutes":60}]',
        ADD COLUMN sla_warn_ratio real NOT NULL DEFAULT 0.75 CHECK (sla_warn_ratio > 0 AND sla_warn_ratio < 1),
        ADD COLUMN sla_warn_priority_boost int NOT NULL DEFAULT 20 CHECK (sla_warn_priority_boost >= 0),
        ADD COLUMN sla_breach_action text NOT NULL DEFAULT 'reassign' CHECK (sla_breach_action IN ('reassign','escalate','none')),
        ADD COLUMN escalation_queue_id uuid,
        ADD COLUMN strategy text NOT NULL DEFAULT 'least_loaded' CHECK (strategy IN ('least_loaded','round_robin')),
        ADD COLUMN sticky_window_minutes int CHECK (sticky_window_minutes > 0),
        ADD COLUMN relax_language_after_minutes int CHECK (relax_language_after_minutes >= 0);
      ALTER TABLE conversations
        ADD COLUMN translation_hint boolean NOT NULL DEFAULT false,
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN sla_warned_at timestamptz,
        ADD COLUMN sla_breached_at timestamptz;
      CREATE INDEX conversations_last_agent ON conversations (brand_id, customer_x_id, resolved_at DESC)
        WHERE assignee_id IS NOT NULL;
      CREATE TABLE routing_outbox (
        brand_id uuid NOT NULL,
        id bigserial NOT NULL,
        msg_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE routing_outbox, routing_versions;
      DROP INDEX conversations_last_agent;
      ALTER TABLE conversations DROP COLUMN translation_hint, DROP COLUMN first_response_at,
        DROP COLUMN sla_warned_at, DROP COLUMN sla_breached_at;
      ALTER TABLE queues DROP COLUMN business_hours, DROP COLUMN sla_targets, DROP COLUMN sla_warn_ratio,
        DROP COLUMN sla_warn_priority_boost, DROP COLUMN sla_breach_action, DROP COLUMN escalation_queue_id,
        DROP COLUMN strategy, DROP COLUMN sticky_window_minutes, DROP COLUMN relax_language_after_minutes;
      ALTER TABLE agents DROP COLUMN shifts, DROP COLUMN shift_exceptions;
    `);
  }
}
