import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AgentCreateInput,
  AgentProfile,
  ChannelCapacity,
  QueueConfigInput,
  QueueView,
  RoutingRule,
  RoutingRuleInput,
} from '@roost/contracts';
import { useBrand, withBrand } from '@roost/database';
import { DataSource } from 'typeorm';
import type { Queryable } from './queryable';
import type { ScheduleException, WeeklySlot } from '../common/schedule';

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
  channel_capacity: ChannelCapacity | null;
  active: boolean;
  tokens_valid_after: Date | null;
}

/** An agent's access as the gateways keep it (RoutingRpc.ListTokenRevocations, the live event). */
export interface AgentAccessRow {
  brandId: string;
  agentId: string;
  active: boolean;
  tokensValidAfter: Date | null;
}

/** An agent's editable fields as stored (the merge base of an update). */
export type AgentRecord = AgentCreateInput & { id: string; load: number };

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
    channelCapacity: r.channel_capacity ?? {},
    active: r.active,
  };
}

const AGENT_SELECT = `
  SELECT a.*, array_remove(array_agg(aq.queue_id), NULL) AS queue_ids
  FROM agents a LEFT JOIN agent_queues aq ON aq.brand_id = a.brand_id AND aq.agent_id = a.id`;

export type QueueConfigRow = Required<QueueConfigInput>;

/** Reads for the gateway and configuration writes (supervisors); brand first (STYLE.md practices 8, 9). */
@Injectable()
export class AdminRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Login is by e-mail across brands: the owner-run `routing_login_brand` answers the brand only,
   * the agent is then read as that brand (row-level security).
   */
  async findAgentForLogin(email: string): Promise<(AgentProfile & { passwordHash: string }) | null> {
    const [found]: Array<{ brand_id: string | null }> = await this.ds.query(
      `SELECT routing_login_brand($1) AS brand_id`,
      [email],
    );
    const brandId = found?.brand_id;
    if (!brandId) return null;
    const rows: AgentRow[] = await withBrand(this.ds, brandId, (tx) =>
      tx.query(
        `${AGENT_SELECT} WHERE a.brand_id = $1 AND lower(a.email) = lower($2) GROUP BY a.brand_id, a.id`,
        [brandId, email],
      ),
    );
    const row = rows[0];

    return row ? { ...toProfile(row), passwordHash: row.password_hash } : null;
  }

  async agents(brandId: string, ids?: string[]): Promise<AgentProfile[]> {
    const rows: AgentRow[] = await withBrand(this.ds, brandId, (tx) =>
      ids
        ? tx.query(
            `${AGENT_SELECT} WHERE a.brand_id = $1 AND a.id = ANY($2::uuid[]) GROUP BY a.brand_id, a.id`,
            [brandId, ids],
          )
        : tx.query(`${AGENT_SELECT} WHERE a.brand_id = $1 GROUP BY a.brand_id, a.id ORDER BY a.name`, [
            brandId,
          ]),
    );

    return rows.map(toProfile);
  }

  async queues(brandId: string, ids?: string[]): Promise<QueueView[]> {
    const rows: Array<{
      id: string;
      name: string;
      team: 'care' | 'sales';
      waiting: string;
      assigned: string;
      oldest: Date | null;
    }> = await withBrand(this.ds, brandId, (tx) =>
      tx.query(
        `SELECT q.id, q.name, q.team,
           count(*) FILTER (WHERE c.status = 'waiting') AS waiting,
           count(*) FILTER (WHERE c.status = 'assigned') AS assigned,
           min(c.opened_at) FILTER (WHERE c.status = 'waiting') AS oldest
         FROM queues q LEFT JOIN conversations c ON c.brand_id = q.brand_id AND c.queue_id = q.id AND c.status IN ('waiting','assigned')
         WHERE q.brand_id = $1 ${ids ? 'AND q.id = ANY($2::uuid[])' : ''}
         GROUP BY q.id, q.name, q.team, q.created_at ORDER BY q.created_at, q.name`,
        ids ? [brandId, ids] : [brandId],
      ),
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

  async queueConfigs(brandId: string): Promise<QueueConfigRow[]> {
    const rows: Array<Record<string, unknown>> = await withBrand(this.ds, brandId, (tx) =>
      tx.query(
        `SELECT id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost, sla_breach_action,
         escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes
       FROM queues WHERE brand_id = $1 ORDER BY created_at, name`,
        [brandId],
      ),
    );

    return rows.map((r) => ({
      id: r['id'] as string,
      name: r['name'] as string,
      team: r['team'] as 'care' | 'sales',
      timezone: r['timezone'] as string,
      businessHours: r['business_hours'] as WeeklySlot[],
      slaTargets: r['sla_targets'] as QueueConfigRow['slaTargets'],
      slaWarnRatio: Number(r['sla_warn_ratio']),
      slaWarnPriorityBoost: r['sla_warn_priority_boost'] as number,
      slaBreachAction: r['sla_breach_action'] as QueueConfigRow['slaBreachAction'],
      escalationQueueId: r['escalation_queue_id'] as string | null,
      strategy: r['strategy'] as QueueConfigRow['strategy'],
      stickyWindowMinutes: r['sticky_window_minutes'] as number | null,
      relaxLanguageAfterMinutes: r['relax_language_after_minutes'] as number | null,
      reopenWindowMinutes: r['reopen_window_minutes'] as number,
    }));
  }

  async upsertQueue(tx: Queryable, brandId: string, q: QueueConfigInput): Promise<string> {
    const id = q.id ?? randomUUID();
    await tx.query(
      `INSERT INTO queues (brand_id, id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost,
         sla_breach_action, escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,coalesce($15::int, 1440))
       ON CONFLICT (brand_id, id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, timezone = EXCLUDED.timezone,
         business_hours = EXCLUDED.business_hours, sla_targets = EXCLUDED.sla_targets, sla_warn_ratio = EXCLUDED.sla_warn_ratio,
         sla_warn_priority_boost = EXCLUDED.sla_warn_priority_boost, sla_breach_action = EXCLUDED.sla_breach_action,
         escalation_queue_id = EXCLUDED.escalation_queue_id, strategy = EXCLUDED.strategy,
         sticky_window_minutes = EXCLUDED.sticky_window_minutes, relax_language_after_minutes = EXCLUDED.relax_language_after_minutes,
         reopen_window_minutes = coalesce($15::int, queues.reopen_window_minutes)`,
      [
        brandId,
        id,
        q.name,
        q.team,
        q.timezone,
        JSON.stringify(q.businessHours),
        JSON.stringify(q.slaTargets),
        q.slaWarnRatio,
        q.slaWarnPriorityBoost,
        q.slaBreachAction,
        q.escalationQueueId,
        q.strategy,
        q.stickyWindowMinutes,
        q.relaxLanguageAfterMinutes,
        q.reopenWindowMinutes ?? null,
      ],
    );

    return id;
  }

  async rules(brandId: string): Promise<RoutingRule[]> {
    const rows: Array<{
      id: string;
      position: number;
      name: string;
      enabled: boolean;
      queue_id: string;
      priority_boost: number;
      conditions: RoutingRuleInput['conditions'] & { tags?: string[] };
    }> = await withBrand(this.ds, brandId, (tx) =>
      tx.query(
        `SELECT id, position, name, enabled, queue_id, priority_boost, conditions FROM routing_rules WHERE brand_id = $1 ORDER BY position`,
        [brandId],
      ),
    );

    return rows.map((r) => {
      const { tags, ...conditions } = r.conditions;

      return {
        id: r.id,
        position: r.position,
        name: r.name,
        enabled: r.enabled,
        queueId: r.queue_id,
        priorityBoost: r.priority_boost,
        tags: tags ?? [],
        conditions,
      };
    });
  }

  /** The ids of the brand's rules in order (every save gives its rules new ids: the list's version). */
  async ruleIds(tx: Queryable, brandId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM routing_rules WHERE brand_id = $1 ORDER BY position`,
      [brandId],
    );

    return rows.map((r) => r.id);
  }

  async replaceRules(tx: Queryable, brandId: string, rules: RoutingRuleInput[]): Promise<void> {
    await tx.query(`DELETE FROM routing_rules WHERE brand_id = $1`, [brandId]);
    for (const [position, r] of rules.entries()) {
      await tx.query(
        `INSERT INTO routing_rules (brand_id, id, position, name, conditions, queue_id, priority_boost, enabled) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [
          brandId,
          randomUUID(),
          position,
          r.name,
          JSON.stringify({ ...r.conditions, tags: r.tags }),
          r.queueId,
          r.priorityBoost,
          r.enabled,
        ],
      );
    }
  }

  async schedule(
    brandId: string,
    agentId: string,
  ): Promise<{ timezone: string; shifts: WeeklySlot[]; exceptions: ScheduleException[] } | null> {
    const rows: Array<{ timezone: string; shifts: WeeklySlot[]; shift_exceptions: ScheduleException[] }> =
      await withBrand(this.ds, brandId, (tx) =>
        tx.query(`SELECT timezone, shifts, shift_exceptions FROM agents WHERE brand_id = $1 AND id = $2`, [
          brandId,
          agentId,
        ]),
      );
    const r = rows[0];

    return r ? { timezone: r.timezone, shifts: r.shifts, exceptions: r.shift_exceptions } : null;
  }

  async setSchedule(
    tx: Queryable,
    brandId: string,
    agentId: string,
    s: { timezone: string; shifts: WeeklySlot[]; exceptions: ScheduleException[] },
  ): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING as [rows, count]: the count says whether the agent is this brand's.
    const [, count]: [unknown[], number] = await tx.query(
      `UPDATE agents SET timezone = $3, shifts = $4, shift_exceptions = $5 WHERE brand_id = $1 AND id = $2 RETURNING id`,
      [brandId, agentId, s.timezone, JSON.stringify(s.shifts), JSON.stringify(s.exceptions)],
    );

    return count > 0;
  }

  /** The agent's row locked for the rest of the transaction, or null (not of this brand). */
  async lockAgent(tx: Queryable, brandId: string, agentId: string): Promise<AgentRecord | null> {
    const rows: AgentRow[] = await tx.query(
      `SELECT * FROM agents WHERE brand_id = $1 AND id = $2 FOR UPDATE`,
      [brandId, agentId],
    );
    const r = rows[0];
    if (!r) return null;
    const queues: Array<{ queue_id: string }> = await tx.query(
      `SELECT queue_id FROM agent_queues WHERE brand_id = $1 AND agent_id = $2`,
      [brandId, agentId],
    );
    const p = toProfile({ ...r, queue_ids: queues.map((q) => q.queue_id) });

    return {
      id: p.id,
      email: p.email,
      name: p.name,
      initials: p.initials,
      role: p.role,
      languages: p.languages,
      queueIds: p.queueIds,
      timezone: p.timezone,
      capacity: p.capacity,
      channelCapacity: p.channelCapacity ?? {},
      load: p.load,
    };
  }

  /** Those of `ids` that are queues of the brand. */
  async existingQueues(tx: Queryable, brandId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM queues WHERE brand_id = $1 AND id = ANY($2::uuid[])`,
      [brandId, ids],
    );

    return new Set(rows.map((r) => r.id));
  }

  /** Across brands (login is by e-mail), through the owner-run `routing_email_taken`: a yes or no, no row. */
  async emailTaken(tx: Queryable, email: string, exceptId?: string): Promise<boolean> {
    const [row]: Array<{ taken: boolean }> = await tx.query(
      `SELECT routing_email_taken($1, $2::uuid) AS taken`,
      [email, exceptId ?? '00000000-0000-0000-0000-000000000000'],
    );

    return row?.taken === true;
  }

  /**
   * Who is acting, as stored now: an agent of the brand (their role, and whether active), or an API key
   * of the brand that still works (not revoked or expired; a key bound to its creator only while the
   * creator is active and holds at least the key's role), or null. The gateway's `actorRole` is a
   * claim signed hours ago; privileged requests are judged on this instead.
   */
  async actor(
    brandId: string,
    actorId: string,
  ): Promise<{ role: AgentProfile['role']; active: boolean } | null> {
    const rank = (col: string): string =>
      `CASE ${col} WHEN 'agent' THEN 1 WHEN 'supervisor' THEN 2 WHEN 'admin' THEN 3 END`;
    const rows: Array<{ role: AgentProfile['role']; active: boolean }> = await withBrand(
      this.ds,
      brandId,
      (tx) =>
        tx.query(
          `SELECT role, active FROM agents WHERE brand_id = $1 AND id = $2
         UNION ALL
         SELECT k.role, true FROM api_keys k LEFT JOIN agents a ON a.brand_id = k.brand_id AND a.id = k.created_by
         WHERE k.brand_id = $1 AND k.id = $2 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
           AND (NOT k.bound_to_creator OR (a.active AND ${rank('a.role')} >= ${rank('k.role')}))`,
          [brandId, actorId],
        ),
    );

    return rows[0] ?? null;
  }

  /** An agent's access as the gateways keep it, or null (not an agent of the brand). */
  async access(brandId: string, agentId: string): Promise<AgentAccessRow | null> {
    const rows: Array<{ active: boolean; tokens_valid_after: Date | null }> = await withBrand(
      this.ds,
      brandId,
      (tx) =>
        tx.query(`SELECT active, tokens_valid_after FROM agents WHERE brand_id = $1 AND id = $2`, [
          brandId,
          agentId,
        ]),
    );
    const r = rows[0];

    return r ? { brandId, agentId, active: r.active, tokensValidAfter: r.tokens_valid_after } : null;
  }

  /** Password hash and access of an agent of the brand, or null. */
  async credentials(
    brandId: string,
    agentId: string,
  ): Promise<{ passwordHash: string; active: boolean } | null> {
    const rows: Array<{ password_hash: string; active: boolean }> = await withBrand(this.ds, brandId, (tx) =>
      tx.query(`SELECT password_hash, active FROM agents WHERE brand_id = $1 AND id = $2`, [
        brandId,
        agentId,
      ]),
    );
    const r = rows[0];

    return r ? { passwordHash: r.password_hash, active: r.active } : null;
  }

  /**
   * Same password at a higher hashing cost: tokens stay valid. Only over the hash that was verified,
   * so a password changed meanwhile is not overwritten.
   */
  async rehashPassword(input: {
    brandId: string;
    agentId: string;
    passwordHash: string;
    expectedHash: string;
  }): Promise<void> {
    await withBrand(this.ds, input.brandId, (tx) =>
      tx.query(
        `UPDATE agents SET password_hash = $3 WHERE brand_id = $1 AND id = $2 AND password_hash = $4`,
        [input.brandId, input.agentId, input.passwordHash, input.expectedHash],
      ),
    );
  }

  /**
   * Replaces the password and revokes the tokens issued before now. With `expectedHash`, only if the
   * stored hash is still that one (a concurrent change wins; null answered). Answers the revocation time.
   */
  async setPassword(
    tx: Queryable,
    input: { brandId: string; agentId: string; passwordHash: string; expectedHash?: string },
  ): Promise<Date | null> {
    const rows: Array<{ tokens_valid_after: Date }> = await tx.query(
      // In a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
      `WITH u AS (UPDATE agents SET password_hash = $3, tokens_valid_after = now()
         WHERE brand_id = $1 AND id = $2 AND ($4::text IS NULL OR password_hash = $4) RETURNING tokens_valid_after)
       SELECT * FROM u`,
      [input.brandId, input.agentId, input.passwordHash, input.expectedHash ?? null],
    );

    return rows[0]?.tokens_valid_after ?? null;
  }

  /**
   * Deactivating also sets the agent offline and revokes every token issued so far (they stay
   * refused after a reactivation). Answers the stored access, or null (not an agent of the brand).
   */
  async setActive(
    tx: Queryable,
    brandId: string,
    agentId: string,
    active: boolean,
  ): Promise<AgentAccessRow | null> {
    const rows: Array<{ active: boolean; tokens_valid_after: Date | null }> = await tx.query(
      active
        ? `WITH u AS (UPDATE agents SET active = true WHERE brand_id = $1 AND id = $2 RETURNING active, tokens_valid_after) SELECT * FROM u`
        : `WITH u AS (UPDATE agents SET active = false, status = 'offline',
             tokens_valid_after = CASE WHEN active THEN now() ELSE tokens_valid_after END
           WHERE brand_id = $1 AND id = $2 RETURNING active, tokens_valid_after) SELECT * FROM u`,
      [brandId, agentId],
    );
    const r = rows[0];

    return r ? { brandId, agentId, active: r.active, tokensValidAfter: r.tokens_valid_after } : null;
  }

  /** For an agent routing no longer holds in memory (inactive): their load, once their conversations are released. */
  async clearLoad(tx: Queryable, brandId: string, agentId: string): Promise<void> {
    await tx.query(`UPDATE agents SET active_count = 0 WHERE brand_id = $1 AND id = $2`, [brandId, agentId]);
  }

  /**
   * Every brand's agents whose tokens were revoked after `since` (a deactivation revokes too). Older
   * revocations concern only expired demo tokens (and login is refused to inactive agents); identity
   * provider tokens of agents deactivated earlier are refused through their profile (`active`).
   * Row-level security: the owner-run `routing_revoked_brands` answers the brands only; one
   * transaction then reads each brand's agents as that brand.
   */
  async tokenRevocations(since: Date): Promise<AgentAccessRow[]> {
    const brands: Array<{ brand_id: string }> = await this.ds.query(
      `SELECT routing_revoked_brands($1) AS brand_id`,
      [since],
    );
    if (brands.length === 0) return [];
    const rows: Array<{ brand_id: string; id: string; active: boolean; tokens_valid_after: Date | null }> =
      await this.ds.transaction(async (tx) => {
        const all: Array<{ brand_id: string; id: string; active: boolean; tokens_valid_after: Date | null }> =
          [];
        for (const { brand_id: brandId } of brands) {
          await useBrand(tx, brandId);
          all.push(
            ...(await tx.query(
              `SELECT brand_id, id, active, tokens_valid_after FROM agents WHERE brand_id = $1 AND tokens_valid_after > $2`,
              [brandId, since],
            )),
          );
        }

        return all;
      });

    return rows.map((r) => ({
      brandId: r.brand_id,
      agentId: r.id,
      active: r.active,
      tokensValidAfter: r.tokens_valid_after,
    }));
  }

  /** A transaction of the brand (row-level security). */
  async transaction<T>(brandId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return withBrand(this.ds, brandId, (tx) => fn(tx));
  }

  /** Inserts the agent (offline, no load) with its queue memberships. */
  async insertAgent(
    tx: Queryable,
    brandId: string,
    a: AgentCreateInput & { id: string; passwordHash: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, channel_capacity)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'offline',$10,$11)`,
      [
        brandId,
        a.id,
        a.email,
        a.name,
        a.initials,
        a.role,
        a.passwordHash,
        a.languages,
        a.timezone,
        a.capacity,
        JSON.stringify(a.channelCapacity),
      ],
    );
    await this.replaceAgentQueues(tx, brandId, a.id, a.queueIds);
  }

  /** Writes every editable field of the agent (the caller merged the changes into the stored record). */
  async updateAgent(tx: Queryable, brandId: string, a: AgentCreateInput & { id: string }): Promise<void> {
    await tx.query(
      `UPDATE agents SET email = $3, name = $4, initials = $5, role = $6, languages = $7, timezone = $8, capacity = $9, channel_capacity = $10
       WHERE brand_id = $1 AND id = $2`,
      [
        brandId,
        a.id,
        a.email,
        a.name,
        a.initials,
        a.role,
        a.languages,
        a.timezone,
        a.capacity,
        JSON.stringify(a.channelCapacity),
      ],
    );
    await this.replaceAgentQueues(tx, brandId, a.id, a.queueIds);
  }

  private async replaceAgentQueues(
    tx: Queryable,
    brandId: string,
    agentId: string,
    queueIds: readonly string[],
  ): Promise<void> {
    await tx.query(
      `DELETE FROM agent_queues WHERE brand_id = $1 AND agent_id = $2 AND NOT (queue_id = ANY($3::uuid[]))`,
      [brandId, agentId, queueIds],
    );
    if (queueIds.length === 0) return;
    await tx.query(
      `INSERT INTO agent_queues (brand_id, agent_id, queue_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [brandId, agentId, queueIds],
    );
  }
}
