import { Injectable } from '@nestjs/common';
import type { ConversationAssignedV1 } from '@roost/contracts';
import { chunkRows, execute, Nullable, rowType, selectRows, valuesList } from '@roost/database';
import { Type } from '@sinclair/typebox';
import type { AgentStatus } from './brand-config.record';
import type { Conversation } from './conversation.record';
import type { Queryable } from './queryable';

/** A routed_mentions row: what routing decided for one tweet. */
export interface RoutedRow {
  tweetId: string;
  conversationId: string;
  opened: boolean;
  status: 'assigned' | 'waiting';
  assigneeId: string | null;
  queueId: string;
  priority: number;
  /** The rule that chose the queue of the conversation this mention opened, with its tags. */
  rule?: { id: string; tags: string[] };
}

/** What one locked write changed, as `persist` writes it (state/change-set.ts's ChangeSet). */
export interface StateChanges {
  readonly opened: ReadonlyMap<string, Conversation>;
  readonly updated: ReadonlyMap<string, Conversation>;
  readonly resolved: ReadonlyMap<string, { conv: Conversation; at: number }>;
  /** Merged conversation id -> the conversation it was merged into (issue 13). */
  readonly merged: ReadonlyMap<string, string>;
  readonly lastInbound: ReadonlyMap<string, number>;
  readonly agentDelta: ReadonlyMap<string, number>;
  readonly agentStatus: ReadonlyMap<string, AgentStatus>;
  readonly routed: readonly RoutedRow[];
  readonly vips: ReadonlyMap<string, { vip: boolean; at: number }>;
}

/** routing_versions: both bigint (strings). */
export const VersionRow = rowType('routing.versions.lock', {
  version: Type.String(),
  config_version: Type.String(),
});

export const RoutedMentionRow = rowType('routing.routed-mentions.find', {
  tweet_id: Type.String(),
  conversation_id: Type.String(),
  opened: Type.Boolean(),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('waiting')]),
  assignee_id: Nullable(Type.String()),
  queue_id: Type.String(),
  priority: Type.Integer(),
  rule_id: Nullable(Type.String()),
  rule_tags: Nullable(Type.Array(Type.String())),
});

/** routing_outbox.id is a bigserial (a string). */
export const OutboxIdRow = rowType('routing.outbox.add', { id: Type.String() });

export const OutboxBrandRow = rowType('routing.outbox.brands', { brand_id: Type.String() });

/** The payload is jsonb written from a ConversationAssignedV1; read back as it was stored. */
export const PendingOutboxRow = rowType('routing.outbox.pending', {
  brand_id: Type.String(),
  id: Type.String(),
  msg_id: Type.String(),
  payload: Type.Unknown(),
});

const ts = (n: number | null): Date | null => (n === null ? null : new Date(n));

/** Writes of the routing state; each takes the brand first and runs in the brand-locked transaction. */
@Injectable()
export class RoutingRepository {
  /**
   * Locks the brand's version row for this transaction (creating it on first use) and returns the
   * version: every writer of a brand's routing state goes through here, so writers are serialized
   * across instances and a stale memory is detected before it decides anything.
   */
  async lockVersion(tx: Queryable, brandId: string): Promise<{ version: number; configVersion: number }> {
    const rows = await selectRows(
      tx,
      VersionRow,
      `INSERT INTO routing_versions (brand_id) VALUES ($1)
       ON CONFLICT (brand_id) DO UPDATE SET version = routing_versions.version RETURNING version, config_version`,
      [brandId],
    );

    return { version: Number(rows[0]?.version ?? 0), configVersion: Number(rows[0]?.config_version ?? 0) };
  }

  async bumpVersion(tx: Queryable, brandId: string, version: number, config = false): Promise<void> {
    await execute(
      tx,
      `UPDATE routing_versions SET version = $2 ${config ? ', config_version = config_version + 1' : ''} WHERE brand_id = $1`,
      [brandId, version],
    );
  }

  async findRouted(tx: Queryable, brandId: string, tweetIds: string[]): Promise<Map<string, RoutedRow>> {
    if (tweetIds.length === 0) return new Map();
    const rows = await selectRows(
      tx,
      RoutedMentionRow,
      `SELECT tweet_id, conversation_id, opened, status, assignee_id, queue_id, priority, rule_id, rule_tags
       FROM routed_mentions WHERE brand_id = $1 AND tweet_id = ANY($2::text[])`,
      [brandId, tweetIds],
    );

    return new Map(
      rows.map((r) => [
        r.tweet_id,
        {
          tweetId: r.tweet_id,
          conversationId: r.conversation_id,
          opened: r.opened,
          status: r.status,
          assigneeId: r.assignee_id,
          queueId: r.queue_id,
          priority: r.priority,
          ...(r.rule_id ? { rule: { id: r.rule_id, tags: r.rule_tags ?? [] } } : {}),
        },
      ]),
    );
  }

  /**
   * One multi-row statement per kind of change (PERFORMANCE.md). Order matters: resolutions and
   * updates before inserts (a customer's new conversation after the old one closed), agent load
   * last among state so the capacity CHECK sees the batch's net effect.
   */
  async persist(tx: Queryable, brandId: string, changes: StateChanges, version: number): Promise<void> {
    const routed: readonly RoutedRow[] = changes.routed;
    if (changes.resolved.size > 0) {
      const v = valuesList(
        [...changes.resolved.values()].map(({ conv, at }) => [conv.id, conv.assigneeId, new Date(at)]),
        ['uuid', 'uuid', 'timestamptz'],
      );
      await execute(
        tx,
        `UPDATE conversations c SET status = 'resolved', assignee_id = v.assignee, resolved_at = v.at, routing_version = $${v.params.length + 2}
         FROM (VALUES ${v.sql}) AS v(id, assignee, at) WHERE c.brand_id = $${v.params.length + 1} AND c.id = v.id`,
        [...v.params, brandId, version],
      );
    }
    if (changes.merged.size > 0) {
      const v = valuesList([...changes.merged], ['uuid', 'uuid']);
      // The merged conversation, and every earlier merge into it, now lead to the target.
      await execute(
        tx,
        `UPDATE conversations c SET merged_into_id = v.target, routing_version = $${v.params.length + 2}
         FROM (VALUES ${v.sql}) AS v(source, target)
         WHERE c.brand_id = $${v.params.length + 1} AND (c.id = v.source OR c.merged_into_id = v.source)`,
        [...v.params, brandId, version],
      );
    }
    for (const chunk of chunkRows([...changes.updated.values()], 14)) {
      const v = valuesList(
        chunk.map((c) => [
          c.id,
          c.status,
          c.assigneeId,
          c.queueId,
          c.priority,
          ts(c.assignedAt),
          c.translationHint,
          ts(c.firstResponseAt),
          ts(c.slaWarnedAt),
          ts(c.slaBreachedAt),
          ts(changes.lastInbound.get(c.id) ?? null),
          new Date(c.openedAt),
          ts(c.dmLinkedAt),
        ]),
        [
          'uuid',
          'text',
          'uuid',
          'uuid',
          'int',
          'timestamptz',
          'bool',
          'timestamptz',
          'timestamptz',
          'timestamptz',
          'timestamptz',
          'timestamptz',
          'timestamptz',
        ],
      );
      await execute(
        tx,
        `UPDATE conversations c SET status = v.status, assignee_id = v.assignee, queue_id = v.queue, priority = v.priority,
           assigned_at = v.assigned_at, translation_hint = v.hint, first_response_at = v.fr, sla_warned_at = v.warned,
           sla_breached_at = v.breached, last_inbound_at = coalesce(v.inbound, c.last_inbound_at), routing_version = $${v.params.length + 2},
           -- Open in memory: a reopened conversation is no longer resolved, and its waiting time starts again.
           opened_at = v.opened, resolved_at = NULL, dm_linked_at = v.dm_linked
         FROM (VALUES ${v.sql}) AS v(id, status, assignee, queue, priority, assigned_at, hint, fr, warned, breached, inbound, opened, dm_linked)
         WHERE c.brand_id = $${v.params.length + 1} AND c.id = v.id`,
        [...v.params, brandId, version],
      );
    }
    for (const chunk of chunkRows([...changes.opened.values()], 16)) {
      await this.insertConversations(tx, { brandId, version }, chunk);
    }
    if (changes.agentStatus.size > 0) {
      const v = valuesList(
        [...changes.agentStatus].map(([id, s]) => [id, s]),
        ['uuid', 'text'],
      );
      await execute(
        tx,
        `UPDATE agents a SET status = v.s FROM (VALUES ${v.sql}) AS v(id, s) WHERE a.brand_id = $${v.params.length + 1} AND a.id = v.id`,
        [...v.params, brandId],
      );
    }
    const deltas = [...changes.agentDelta].filter(([, d]) => d !== 0);
    if (deltas.length > 0) {
      const v = valuesList(deltas, ['uuid', 'int']);
      // agents_within_capacity (CHECK) still rejects the batch if memory were ever wrong.
      await execute(
        tx,
        `UPDATE agents a SET active_count = a.active_count + v.d
         FROM (VALUES ${v.sql}) AS v(id, d) WHERE a.brand_id = $${v.params.length + 1} AND a.id = v.id`,
        [...v.params, brandId],
      );
    }
    for (const chunk of chunkRows(routed, 10)) {
      const v = valuesList(
        chunk.map((r) => [
          brandId,
          r.tweetId,
          r.conversationId,
          r.opened,
          r.status,
          r.assigneeId,
          r.queueId,
          r.priority,
          r.rule?.id ?? null,
          r.rule ? r.rule.tags : null,
        ]),
        ['uuid', 'text', 'uuid', 'bool', 'text', 'uuid', 'uuid', 'int', 'uuid', 'text[]'],
      );
      await execute(
        tx,
        `INSERT INTO routed_mentions (brand_id, tweet_id, conversation_id, opened, status, assignee_id, queue_id, priority, rule_id, rule_tags)
         VALUES ${v.sql}`,
        v.params,
      );
    }
    await this.saveVips(tx, brandId, changes.vips, version);
  }

  /** Customers' VIP flags, stamped with the version; the later change wins whichever instance or redelivery writes last. */
  async saveVips(
    tx: Queryable,
    brandId: string,
    vips: ReadonlyMap<string, { vip: boolean; at: number }>,
    version: number,
  ): Promise<void> {
    if (vips.size === 0) return;
    const v = valuesList(
      [...vips].map(([xId, f]) => [brandId, xId, f.vip, new Date(f.at), version]),
      ['uuid', 'text', 'bool', 'timestamptz', 'int8'],
    );
    await execute(
      tx,
      `INSERT INTO vip_customers (brand_id, customer_x_id, vip, changed_at, routing_version) VALUES ${v.sql}
       ON CONFLICT (brand_id, customer_x_id) DO UPDATE SET vip = EXCLUDED.vip, changed_at = EXCLUDED.changed_at,
         routing_version = EXCLUDED.routing_version WHERE vip_customers.changed_at < EXCLUDED.changed_at`,
      v.params,
    );
  }

  private async insertConversations(
    tx: Queryable,
    at: { brandId: string; version: number },
    rows: Conversation[],
  ): Promise<void> {
    const v = valuesList(
      rows.map((c) => [
        at.brandId,
        c.id,
        c.customerXId,
        c.channel,
        c.queueId,
        c.assigneeId,
        c.status,
        c.priority,
        c.language,
        new Date(c.openedAt),
        new Date(c.openedAt),
        ts(c.assignedAt),
        c.translationHint,
        ts(c.slaWarnedAt),
        at.version,
        c.xConversationId,
      ]),
      [
        'uuid',
        'uuid',
        'text',
        'text',
        'uuid',
        'uuid',
        'text',
        'int',
        'text',
        'timestamptz',
        'timestamptz',
        'timestamptz',
        'bool',
        'timestamptz',
        'int8',
        'text',
      ],
    );
    await execute(
      tx,
      `INSERT INTO conversations (brand_id, id, customer_x_id, channel, queue_id, assignee_id, status, priority, language,
         opened_at, last_inbound_at, assigned_at, translation_hint, sla_warned_at, routing_version, x_conversation_id) VALUES ${v.sql}`,
      v.params,
    );
  }

  /** conversation.assigned events committed with the change; published after commit, then removed. */
  async addOutbox(
    tx: Queryable,
    brandId: string,
    events: Array<{ msgId: string; payload: ConversationAssignedV1 }>,
  ): Promise<string[]> {
    if (events.length === 0) return [];
    const ids: string[] = [];
    for (const chunk of chunkRows(events, 3)) {
      const v = valuesList(
        chunk.map((e) => [brandId, e.msgId, JSON.stringify(e.payload)]),
        ['uuid', 'text', 'jsonb'],
      );
      const rows = await selectRows(
        tx,
        OutboxIdRow,
        `INSERT INTO routing_outbox (brand_id, msg_id, payload) VALUES ${v.sql} RETURNING id`,
        v.params,
      );
      ids.push(...rows.map((r) => String(r.id)));
    }

    return ids;
  }

  async deleteOutbox(q: Queryable, brandId: string, ids: string[]): Promise<void> {
    if (ids.length > 0) {
      await execute(q, `DELETE FROM routing_outbox WHERE brand_id = $1 AND id = ANY($2::bigint[])`, [
        brandId,
        ids,
      ]);
    }
  }

  /**
   * Brands with events whose publish did not happen right after commit (crash, NATS down), through
   * the owner-run `routing_outbox_brands` (brand ids only: the rows are read as each brand).
   */
  async outboxBrands(q: Queryable, olderThanMs: number): Promise<string[]> {
    const rows = await selectRows(
      q,
      OutboxBrandRow,
      `SELECT routing_outbox_brands(($1 || ' ms')::interval) AS brand_id`,
      [String(olderThanMs)],
    );

    return rows.map((r) => r.brand_id);
  }

  /** The brand's events whose publish did not happen right after commit: the relay retries them. */
  async pendingOutbox(
    tx: Queryable,
    brandId: string,
    olderThanMs: number,
    limit = 1000,
  ): Promise<Array<{ brandId: string; id: string; msgId: string; payload: ConversationAssignedV1 }>> {
    const rows = await selectRows(
      tx,
      PendingOutboxRow,
      `SELECT brand_id, id, msg_id, payload FROM routing_outbox
       WHERE brand_id = $1 AND created_at < now() - ($2 || ' ms')::interval ORDER BY id LIMIT $3`,
      [brandId, String(olderThanMs), limit],
    );

    return rows.map((r) => ({
      brandId: r.brand_id,
      id: String(r.id),
      msgId: r.msg_id,
      payload: r.payload as ConversationAssignedV1,
    }));
  }
}
