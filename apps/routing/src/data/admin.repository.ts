import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AgentCreateInput,
  AgentProfile,
  QueueConfigInput,
  QueueView,
  RoutingRule,
  RoutingRuleInput,
} from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, useBrand, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import {
  AgentRoleColumn,
  AgentStatusColumn,
  QUEUE_SETTINGS_COLUMNS,
  ChannelCapacityJson,
  RuleConditionsJson,
  ScheduleExceptionsJson,
  TeamColumn,
  WeeklySlotsJson,
} from './brand-config.record';
import type { Queryable } from './queryable';
import type { ScheduleException, WeeklySlot } from '../common/schedule';

/** Every column of `agents` (`SELECT *`, `a.*`). */
const AGENT_TABLE_COLUMNS = {
  brand_id: Type.String(),
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  initials: Type.String(),
  role: AgentRoleColumn,
  password_hash: Type.String(),
  languages: Type.Array(Type.String()),
  timezone: Type.String(),
  status: AgentStatusColumn,
  capacity: Type.Integer(),
  active_count: Type.Integer(),
  created_at: Type.Date(),
  shifts: WeeklySlotsJson,
  shift_exceptions: ScheduleExceptionsJson,
  channel_capacity: ChannelCapacityJson,
  active: Type.Boolean(),
  tokens_valid_after: Nullable(Type.Date()),
};

/** An agent locked for an update (`SELECT *`). */
const AgentTableRow = rowType('routing.admin.agents.lock', AGENT_TABLE_COLUMNS);

/** An agent with its queues (AGENT_SELECT). */
const AgentRow = rowType('routing.admin.agents.profile', {
  ...AGENT_TABLE_COLUMNS,
  queue_ids: Nullable(Type.Array(Type.String())),
});
type AgentRow = Static<typeof AgentRow.schema>;

/** The owner-run lookups answer a brand id, or NULL. */
const LookupBrandRow = rowType('routing.admin.lookup-brand', { brand_id: Nullable(Type.String()) });

/** The owner-run `routing_revoked_brands` (SETOF uuid). */
const RevokedBrandRow = rowType('routing.admin.revoked-brands', { brand_id: Type.String() });

/** `count(*)` is bigint: strings, converted by the mapper. */
const QueueViewRow = rowType('routing.admin.queues', {
  id: Type.String(),
  name: Type.String(),
  team: TeamColumn,
  waiting: Type.String(),
  assigned: Type.String(),
  oldest: Nullable(Type.Date()),
});

const QueueSettingsRow = rowType('routing.admin.queue-configs', QUEUE_SETTINGS_COLUMNS);

const RuleRow = rowType('routing.admin.rules', {
  id: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  enabled: Type.Boolean(),
  queue_id: Type.String(),
  priority_boost: Type.Integer(),
  conditions: RuleConditionsJson,
});

const IdRow = rowType('routing.admin.ids', { id: Type.String() });

const QueueIdRow = rowType('routing.admin.agent-queues', { queue_id: Type.String() });

const ScheduleRow = rowType('routing.admin.schedule', {
  timezone: Type.String(),
  shifts: WeeklySlotsJson,
  shift_exceptions: ScheduleExceptionsJson,
});

const EmailTakenRow = rowType('routing.admin.email-taken', { taken: Type.Boolean() });

const ActorRow = rowType('routing.admin.actor', { role: AgentRoleColumn, active: Type.Boolean() });

const AccessRow = rowType('routing.admin.access', {
  active: Type.Boolean(),
  tokens_valid_after: Nullable(Type.Date()),
});

const CredentialsRow = rowType('routing.admin.credentials', {
  password_hash: Type.String(),
  active: Type.Boolean(),
});

/** Set to now() by the same statement: never NULL. */
const RevokedAtRow = rowType('routing.admin.set-password', { tokens_valid_after: Type.Date() });

const RevocationRow = rowType('routing.admin.token-revocations', {
  brand_id: Type.String(),
  id: Type.String(),
  active: Type.Boolean(),
  tokens_valid_after: Nullable(Type.Date()),
});

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
    const [found] = await selectRows(this.ds, LookupBrandRow, `SELECT routing_login_brand($1) AS brand_id`, [
      email,
    ]);
    const brandId = found?.brand_id;
    if (!brandId) return null;
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        AgentRow,
        `${AGENT_SELECT} WHERE a.brand_id = $1 AND lower(a.email) = lower($2) GROUP BY a.brand_id, a.id`,
        [brandId, email],
      ),
    );
    const row = rows[0];

    return row ? { ...toProfile(row), passwordHash: row.password_hash } : null;
  }

  async agents(brandId: string, ids?: string[]): Promise<AgentProfile[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      ids
        ? selectRows(
            tx,
            AgentRow,
            `${AGENT_SELECT} WHERE a.brand_id = $1 AND a.id = ANY($2::uuid[]) GROUP BY a.brand_id, a.id`,
            [brandId, ids],
          )
        : selectRows(
            tx,
            AgentRow,
            `${AGENT_SELECT} WHERE a.brand_id = $1 GROUP BY a.brand_id, a.id ORDER BY a.name`,
            [brandId],
          ),
    );

    return rows.map(toProfile);
  }

  async queues(brandId: string, ids?: string[]): Promise<QueueView[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        QueueViewRow,
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
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        QueueSettingsRow,
        `SELECT id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost, sla_breach_action,
         escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes, vip_priority_boost,
         hard_lock
       FROM queues WHERE brand_id = $1 ORDER BY created_at, name`,
        [brandId],
      ),
    );

    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      timezone: r.timezone,
      businessHours: r.business_hours,
      slaTargets: r.sla_targets,
      slaWarnRatio: Number(r.sla_warn_ratio),
      slaWarnPriorityBoost: r.sla_warn_priority_boost,
      slaBreachAction: r.sla_breach_action,
      escalationQueueId: r.escalation_queue_id,
      strategy: r.strategy,
      stickyWindowMinutes: r.sticky_window_minutes,
      relaxLanguageAfterMinutes: r.relax_language_after_minutes,
      reopenWindowMinutes: r.reopen_window_minutes,
      vipPriorityBoost: r.vip_priority_boost,
      hardLock: r.hard_lock,
    }));
  }

  /** The brand's hard-locked queues. */
  async lockedQueueIds(brandId: string): Promise<string[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(tx, IdRow, `SELECT id FROM queues WHERE brand_id = $1 AND hard_lock ORDER BY id`, [brandId]),
    );

    return rows.map((r) => r.id);
  }

  async upsertQueue(tx: Queryable, brandId: string, q: QueueConfigInput): Promise<string> {
    const id = q.id ?? randomUUID();
    await execute(
      tx,
      `INSERT INTO queues (brand_id, id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost,
         sla_breach_action, escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes, reopen_window_minutes,
         vip_priority_boost, hard_lock)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,coalesce($15::int, 1440),coalesce($16::int, 20),coalesce($17::boolean, false))
       ON CONFLICT (brand_id, id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, timezone = EXCLUDED.timezone,
         business_hours = EXCLUDED.business_hours, sla_targets = EXCLUDED.sla_targets, sla_warn_ratio = EXCLUDED.sla_warn_ratio,
         sla_warn_priority_boost = EXCLUDED.sla_warn_priority_boost, sla_breach_action = EXCLUDED.sla_breach_action,
         escalation_queue_id = EXCLUDED.escalation_queue_id, strategy = EXCLUDED.strategy,
         sticky_window_minutes = EXCLUDED.sticky_window_minutes, relax_language_after_minutes = EXCLUDED.relax_language_after_minutes,
         reopen_window_minutes = coalesce($15::int, queues.reopen_window_minutes),
         vip_priority_boost = coalesce($16::int, queues.vip_priority_boost),
         hard_lock = coalesce($17::boolean, queues.hard_lock)`,
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
        q.vipPriorityBoost ?? null,
        q.hardLock ?? null,
      ],
    );

    return id;
  }

  async rules(brandId: string): Promise<RoutingRule[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        RuleRow,
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
    const rows = await selectRows(
      tx,
      IdRow,
      `SELECT id FROM routing_rules WHERE brand_id = $1 ORDER BY position`,
      [brandId],
    );

    return rows.map((r) => r.id);
  }

  async replaceRules(tx: Queryable, brandId: string, rules: RoutingRuleInput[]): Promise<void> {
    await execute(tx, `DELETE FROM routing_rules WHERE brand_id = $1`, [brandId]);
    for (const [position, r] of rules.entries()) {
      await execute(
        tx,
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
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        ScheduleRow,
        `SELECT timezone, shifts, shift_exceptions FROM agents WHERE brand_id = $1 AND id = $2`,
        [brandId, agentId],
      ),
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
    // One returned row per updated row: whether the agent is this brand's.
    const rows = await selectRows(
      tx,
      IdRow,
      `UPDATE agents SET timezone = $3, shifts = $4, shift_exceptions = $5 WHERE brand_id = $1 AND id = $2 RETURNING id`,
      [brandId, agentId, s.timezone, JSON.stringify(s.shifts), JSON.stringify(s.exceptions)],
    );

    return rows.length > 0;
  }

  /** The agent's row locked for the rest of the transaction, or null (not of this brand). */
  async lockAgent(tx: Queryable, brandId: string, agentId: string): Promise<AgentRecord | null> {
    const rows = await selectRows(
      tx,
      AgentTableRow,
      `SELECT * FROM agents WHERE brand_id = $1 AND id = $2 FOR UPDATE`,
      [brandId, agentId],
    );
    const r = rows[0];
    if (!r) return null;
    const queues = await selectRows(
      tx,
      QueueIdRow,
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
    const rows = await selectRows(
      tx,
      IdRow,
      `SELECT id FROM queues WHERE brand_id = $1 AND id = ANY($2::uuid[])`,
      [brandId, ids],
    );

    return new Set(rows.map((r) => r.id));
  }

  /** Across brands (login is by e-mail), through the owner-run `routing_email_taken`: a yes or no, no row. */
  async emailTaken(tx: Queryable, email: string, exceptId?: string): Promise<boolean> {
    const [row] = await selectRows(tx, EmailTakenRow, `SELECT routing_email_taken($1, $2::uuid) AS taken`, [
      email,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);

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
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        ActorRow,
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
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        AccessRow,
        `SELECT active, tokens_valid_after FROM agents WHERE brand_id = $1 AND id = $2`,
        [brandId, agentId],
      ),
    );
    const r = rows[0];

    return r ? { brandId, agentId, active: r.active, tokensValidAfter: r.tokens_valid_after } : null;
  }

  /** Password hash and access of an agent of the brand, or null. */
  async credentials(
    brandId: string,
    agentId: string,
  ): Promise<{ passwordHash: string; active: boolean } | null> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        CredentialsRow,
        `SELECT password_hash, active FROM agents WHERE brand_id = $1 AND id = $2`,
        [brandId, agentId],
      ),
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
      execute(
        tx,
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
    const rows = await selectRows(
      tx,
      RevokedAtRow,
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
    const rows = await selectRows(
      tx,
      AccessRow,
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
    await execute(tx, `UPDATE agents SET active_count = 0 WHERE brand_id = $1 AND id = $2`, [
      brandId,
      agentId,
    ]);
  }

  /**
   * Every brand's agents whose tokens were revoked after `since` (a deactivation revokes too). Older
   * revocations concern only expired demo tokens (and login is refused to inactive agents); identity
   * provider tokens of agents deactivated earlier are refused through their profile (`active`).
   * Row-level security: the owner-run `routing_revoked_brands` answers the brands only; one
   * transaction then reads each brand's agents as that brand.
   */
  async tokenRevocations(since: Date): Promise<AgentAccessRow[]> {
    const brands = await selectRows(
      this.ds,
      RevokedBrandRow,
      `SELECT routing_revoked_brands($1) AS brand_id`,
      [since],
    );
    if (brands.length === 0) return [];
    const rows = await this.ds.transaction(async (tx) => {
      const all: Array<Static<typeof RevocationRow.schema>> = [];
      for (const { brand_id: brandId } of brands) {
        await useBrand(tx, brandId);
        all.push(
          ...(await selectRows(
            tx,
            RevocationRow,
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
    await execute(
      tx,
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
    await execute(
      tx,
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
    await execute(
      tx,
      `DELETE FROM agent_queues WHERE brand_id = $1 AND agent_id = $2 AND NOT (queue_id = ANY($3::uuid[]))`,
      [brandId, agentId, queueIds],
    );
    if (queueIds.length === 0) return;
    await execute(
      tx,
      `INSERT INTO agent_queues (brand_id, agent_id, queue_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [brandId, agentId, queueIds],
    );
  }
}
