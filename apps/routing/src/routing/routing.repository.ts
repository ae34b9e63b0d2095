import { Injectable } from '@nestjs/common';
import type { AgentProfile, QueueView } from '@roost/contracts';
import { valuesList } from '@roost/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { BrandState, OpenConversation, RuleConditions } from './routing-state';
import { customerKey } from './routing-state';

export interface RoutedRow {
  tweetId: string;
  conversationId: string;
  opened: boolean;
  status: 'assigned' | 'waiting';
  assigneeId: string | null;
  queueId: string;
  priority: number;
}

export interface NewConversationRow {
  id: string;
  customerXId: string;
  channel: string;
  xConversationId: string | null;
  queueId: string;
  assigneeId: string | null;
  status: 'assigned' | 'waiting';
  priority: number;
  language: string;
  openedAt: Date;
}

interface AgentRow {
  id: string;
  brand_id: string;
  email: string;
  name: string;
  initials: string;
  role: AgentProfile['role'];
  languages: string[];
  timezone: string;
  status: AgentProfile['status'];
  capacity: number;
  active_count: number;
  queue_ids: string[] | null;
  password_hash: string;
}

function toProfile(r: AgentRow): AgentProfile {
  return {
    id: r.id,
    brandId: r.brand_id,
    email: r.email,
    name: r.name,
    initials: r.initials,
    role: r.role,
    languages: r.languages,
    timezone: r.timezone,
    status: r.status,
    capacity: r.capacity,
    load: r.active_count,
    queueIds: r.queue_ids ?? [],
  };
}

const AGENT_SELECT = `
  SELECT a.*, array_remove(array_agg(aq.queue_id), NULL) AS queue_ids
  FROM agents a LEFT JOIN agent_queues aq ON aq.brand_id = a.brand_id AND aq.agent_id = a.id`;

/** Every query of the routing schema; each takes the brand first (STYLE.md practices 8, 9). */
@Injectable()
export class RoutingRepository {
  constructor(private readonly ds: DataSource) {}

  async brandIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM brands`);

    return rows.map((r) => r.id);
  }

  async loadBrandState(brandId: string): Promise<BrandState> {
    const [agents, queues, rules, open, counts]: [
      AgentRow[],
      Array<{ id: string; name: string; team: 'care' | 'sales' }>,
      Array<{ id: string; name: string; conditions: RuleConditions; queue_id: string; priority_boost: number }>,
      Array<{
        id: string;
        customer_x_id: string;
        channel: string;
        queue_id: string;
        status: OpenConversation['status'];
        assignee_id: string | null;
        priority: number;
        opened_at: Date;
      }>,
      Array<{ queue_id: string; status: string; n: string; oldest: Date | null }>,
    ] = await Promise.all([
      this.ds.query(`${AGENT_SELECT} WHERE a.brand_id = $1 GROUP BY a.brand_id, a.id`, [brandId]),
      this.ds.query(`SELECT id, name, team FROM queues WHERE brand_id = $1 ORDER BY created_at, name`, [brandId]),
      this.ds.query(
        `SELECT id, name, conditions, queue_id, priority_boost FROM routing_rules
         WHERE brand_id = $1 AND enabled ORDER BY position`,
        [brandId],
      ),
      this.ds.query(
        `SELECT id, customer_x_id, channel, queue_id, status, assignee_id, priority, opened_at
         FROM conversations WHERE brand_id = $1 AND status <> 'resolved'`,
        [brandId],
      ),
      this.ds.query(
        `SELECT queue_id, status, count(*) AS n, min(opened_at) AS oldest FROM conversations
         WHERE brand_id = $1 AND status IN ('waiting','assigned') GROUP BY queue_id, status`,
        [brandId],
      ),
    ]);
    const state: BrandState = {
      brandId,
      agents: new Map(
        agents.map((a) => [
          a.id,
          {
            id: a.id,
            name: a.name,
            languages: new Set(a.languages),
            queueIds: new Set(a.queue_ids ?? []),
            status: a.status,
            capacity: a.capacity,
            active: a.active_count,
            lastAssignedAt: 0,
          },
        ]),
      ),
      queues: new Map(
        queues.map((q) => [q.id, { id: q.id, name: q.name, team: q.team, waiting: 0, assigned: 0, oldestWaitingSince: null }]),
      ),
      rules: rules.map((r) => ({
        id: r.id,
        name: r.name,
        conditions: r.conditions,
        queueId: r.queue_id,
        priorityBoost: r.priority_boost,
      })),
      open: new Map(
        open.map((c) => [
          customerKey(c.customer_x_id, c.channel),
          {
            id: c.id,
            queueId: c.queue_id,
            status: c.status,
            assigneeId: c.assignee_id,
            priority: c.priority,
            openedAt: c.opened_at.getTime(),
          },
        ]),
      ),
      defaultQueueId: queues.find((q) => q.team === 'care')?.id ?? queues[0]?.id ?? null,
    };
    for (const c of counts) {
      const q = state.queues.get(c.queue_id);
      if (!q) continue;
      if (c.status === 'waiting') {
        q.waiting = Number(c.n);
        q.oldestWaitingSince = c.oldest?.getTime() ?? null;
      } else q.assigned = Number(c.n);
    }

    return state;
  }

  async findRouted(brandId: string, tweetIds: string[]): Promise<Map<string, RoutedRow>> {
    if (tweetIds.length === 0) return new Map();
    const rows: Array<{
      tweet_id: string;
      conversation_id: string;
      opened: boolean;
      status: 'assigned' | 'waiting';
      assignee_id: string | null;
      queue_id: string;
      priority: number;
    }> = await this.ds.query(
      `SELECT tweet_id, conversation_id, opened, status, assignee_id, queue_id, priority
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
        },
      ]),
    );
  }

  /** One transaction per batch: conversations, touched conversations, agent load, routed marks. */
  async persistBatch(
    brandId: string,
    batch: {
      opened: NewConversationRow[];
      touched: Array<{ id: string; priority: number; lastInboundAt: Date }>;
      agentDelta: Map<string, number>;
      routed: RoutedRow[];
    },
  ): Promise<void> {
    await this.ds.transaction(async (tx: EntityManager) => {
      if (batch.opened.length > 0) {
        const v = valuesList(
          batch.opened.map((c) => [
            brandId, c.id, c.customerXId, c.channel, c.xConversationId, c.queueId, c.assigneeId, c.status,
            c.priority, c.language, c.openedAt, c.openedAt, c.assigneeId ? c.openedAt : null,
          ]),
          ['uuid', 'uuid', 'text', 'text', 'text', 'uuid', 'uuid', 'text', 'int', 'text', 'timestamptz', 'timestamptz', 'timestamptz'],
        );
        await tx.query(
          `INSERT INTO conversations (brand_id, id, customer_x_id, channel, x_conversation_id, queue_id, assignee_id,
             status, priority, language, opened_at, last_inbound_at, assigned_at) VALUES ${v.sql}`,
          v.params,
        );
      }
      if (batch.touched.length > 0) {
        const v = valuesList(
          batch.touched.map((t) => [t.id, t.priority, t.lastInboundAt]),
          ['uuid', 'int', 'timestamptz'],
        );
        await tx.query(
          `UPDATE conversations c SET priority = v.priority, last_inbound_at = v.at
           FROM (VALUES ${v.sql}) AS v(id, priority, at) WHERE c.brand_id = $${v.params.length + 1} AND c.id = v.id`,
          [...v.params, brandId],
        );
      }
      if (batch.agentDelta.size > 0) {
        const v = valuesList([...batch.agentDelta].map(([id, d]) => [id, d]), ['uuid', 'int']);
        // agents_within_capacity (CHECK) rejects the whole batch if memory and database disagree.
        await tx.query(
          `UPDATE agents a SET active_count = a.active_count + v.d
           FROM (VALUES ${v.sql}) AS v(id, d) WHERE a.brand_id = $${v.params.length + 1} AND a.id = v.id`,
          [...v.params, brandId],
        );
      }
      if (batch.routed.length > 0) {
        const v = valuesList(
          batch.routed.map((r) => [brandId, r.tweetId, r.conversationId, r.opened, r.status, r.assigneeId, r.queueId, r.priority]),
          ['uuid', 'text', 'uuid', 'bool', 'text', 'uuid', 'uuid', 'int'],
        );
        await tx.query(
          `INSERT INTO routed_mentions (brand_id, tweet_id, conversation_id, opened, status, assignee_id, queue_id, priority)
           VALUES ${v.sql} ON CONFLICT DO NOTHING`,
          v.params,
        );
      }
    });
  }

  async findAgentForLogin(email: string): Promise<(AgentProfile & { passwordHash: string }) | null> {
    const rows: AgentRow[] = await this.ds.query(
      `${AGENT_SELECT} WHERE lower(a.email) = lower($1) GROUP BY a.brand_id, a.id`,
      [email],
    );
    const row = rows[0];

    return row ? { ...toProfile(row), passwordHash: row.password_hash } : null;
  }

  async agents(brandId: string, ids?: string[]): Promise<AgentProfile[]> {
    const rows: AgentRow[] = ids
      ? await this.ds.query(`${AGENT_SELECT} WHERE a.brand_id = $1 AND a.id = ANY($2::uuid[]) GROUP BY a.brand_id, a.id`, [
          brandId,
          ids,
        ])
      : await this.ds.query(`${AGENT_SELECT} WHERE a.brand_id = $1 GROUP BY a.brand_id, a.id ORDER BY a.name`, [brandId]);

    return rows.map(toProfile);
  }

  async queues(brandId: string, ids?: string[]): Promise<QueueView[]> {
    const rows: Array<{ id: string; name: string; team: 'care' | 'sales'; waiting: string; assigned: string; oldest: Date | null }> =
      await this.ds.query(
        `SELECT q.id, q.name, q.team,
           count(*) FILTER (WHERE c.status = 'waiting') AS waiting,
           count(*) FILTER (WHERE c.status = 'assigned') AS assigned,
           min(c.opened_at) FILTER (WHERE c.status = 'waiting') AS oldest
         FROM queues q LEFT JOIN conversations c ON c.brand_id = q.brand_id AND c.queue_id = q.id AND c.status IN ('waiting','assigned')
         WHERE q.brand_id = $1 ${ids ? 'AND q.id = ANY($2::uuid[])' : ''}
         GROUP BY q.id, q.name, q.team, q.created_at ORDER BY q.created_at, q.name`,
        ids ? [brandId, ids] : [brandId],
      );

    return rows.map((r) => ({
      id: r.id,
      brandId,
      name: r.name,
      team: r.team,
      waiting: Number(r.waiting),
      assigned: Number(r.assigned),
      oldestWaitingSince: r.oldest ? r.oldest.toISOString() : null,
    }));
  }
}
