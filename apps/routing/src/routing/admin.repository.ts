import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AgentProfile, QueueConfigInput, QueueView, RoutingRule, RoutingRuleInput } from '@roost/contracts';
import { DataSource } from 'typeorm';
import type { Queryable } from './brand-state.loader';
import type { ScheduleException, WeeklySlot } from './schedule';

interface AgentRow {
  id: string; brand_id: string; email: string; name: string; initials: string; role: AgentProfile['role']; languages: string[];
  timezone: string; status: AgentProfile['status']; capacity: number; active_count: number; queue_ids: string[] | null; password_hash: string;
}

function toProfile(r: AgentRow): AgentProfile {
  return {
    id: r.id, brandId: r.brand_id, email: r.email, name: r.name, initials: r.initials, role: r.role, languages: r.languages,
    timezone: r.timezone, status: r.status, capacity: r.capacity, load: r.active_count, queueIds: r.queue_ids ?? [],
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

  async findAgentForLogin(email: string): Promise<(AgentProfile & { passwordHash: string }) | null> {
    const rows: AgentRow[] = await this.ds.query(`${AGENT_SELECT} WHERE lower(a.email) = lower($1) GROUP BY a.brand_id, a.id`, [email]);
    const row = rows[0];

    return row ? { ...toProfile(row), passwordHash: row.password_hash } : null;
  }

  async agents(brandId: string, ids?: string[]): Promise<AgentProfile[]> {
    const rows: AgentRow[] = ids
      ? await this.ds.query(`${AGENT_SELECT} WHERE a.brand_id = $1 AND a.id = ANY($2::uuid[]) GROUP BY a.brand_id, a.id`, [brandId, ids])
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
      id: r.id, brandId, name: r.name, team: r.team, waiting: Number(r.waiting), assigned: Number(r.assigned),
      oldestWaitingSince: r.oldest ? r.oldest.toISOString() : null,
    }));
  }

  async queueConfigs(brandId: string): Promise<QueueConfigRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost, sla_breach_action,
         escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes
       FROM queues WHERE brand_id = $1 ORDER BY created_at, name`,
      [brandId],
    );

    return rows.map((r) => ({
      id: r['id'] as string, name: r['name'] as string, team: r['team'] as 'care' | 'sales', timezone: r['timezone'] as string,
      businessHours: r['business_hours'] as WeeklySlot[], slaTargets: r['sla_targets'] as QueueConfigRow['slaTargets'],
      slaWarnRatio: Number(r['sla_warn_ratio']), slaWarnPriorityBoost: r['sla_warn_priority_boost'] as number,
      slaBreachAction: r['sla_breach_action'] as QueueConfigRow['slaBreachAction'], escalationQueueId: r['escalation_queue_id'] as string | null,
      strategy: r['strategy'] as QueueConfigRow['strategy'], stickyWindowMinutes: r['sticky_window_minutes'] as number | null,
      relaxLanguageAfterMinutes: r['relax_language_after_minutes'] as number | null,
    }));
  }

  async upsertQueue(tx: Queryable, brandId: string, q: QueueConfigInput): Promise<string> {
    const id = q.id ?? randomUUID();
    await tx.query(
      `INSERT INTO queues (brand_id, id, name, team, timezone, business_hours, sla_targets, sla_warn_ratio, sla_warn_priority_boost,
         sla_breach_action, escalation_queue_id, strategy, sticky_window_minutes, relax_language_after_minutes)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
       ON CONFLICT (brand_id, id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, timezone = EXCLUDED.timezone,
         business_hours = EXCLUDED.business_hours, sla_targets = EXCLUDED.sla_targets, sla_warn_ratio = EXCLUDED.sla_warn_ratio,
         sla_warn_priority_boost = EXCLUDED.sla_warn_priority_boost, sla_breach_action = EXCLUDED.sla_breach_action,
         escalation_queue_id = EXCLUDED.escalation_queue_id, strategy = EXCLUDED.strategy,
         sticky_window_minutes = EXCLUDED.sticky_window_minutes, relax_language_after_minutes = EXCLUDED.relax_language_after_minutes`,
      [brandId, id, q.name, q.team, q.timezone, JSON.stringify(q.businessHours), JSON.stringify(q.slaTargets), q.slaWarnRatio,
        q.slaWarnPriorityBoost, q.slaBreachAction, q.escalationQueueId, q.strategy, q.stickyWindowMinutes, q.relaxLanguageAfterMinutes],
    );

    return id;
  }

  async rules(brandId: string): Promise<RoutingRule[]> {
    const rows: Array<{ id: string; position: number; name: string; enabled: boolean; queue_id: string; priority_boost: number; conditions: RoutingRuleInput['conditions'] & { tags?: string[] } }> =
      await this.ds.query(`SELECT id, position, name, enabled, queue_id, priority_boost, conditions FROM routing_rules WHERE brand_id = $1 ORDER BY position`, [brandId]);

    return rows.map((r) => {
      const { tags, ...conditions } = r.conditions;

      return { id: r.id, position: r.position, name: r.name, enabled: r.enabled, queueId: r.queue_id, priorityBoost: r.priority_boost, tags: tags ?? [], conditions };
    });
  }

  async replaceRules(tx: Queryable, brandId: string, rules: RoutingRuleInput[]): Promise<void> {
    await tx.query(`DELETE FROM routing_rules WHERE brand_id = $1`, [brandId]);
    for (const [position, r] of rules.entries()) {
      await tx.query(
        `INSERT INTO routing_rules (brand_id, id, position, name, conditions, queue_id, priority_boost, enabled) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [brandId, randomUUID(), position, r.name, JSON.stringify({ ...r.conditions, tags: r.tags }), r.queueId, r.priorityBoost, r.enabled],
      );
    }
  }

  async schedule(brandId: string, agentId: string): Promise<{ timezone: string; shifts: WeeklySlot[]; exceptions: ScheduleException[] } | null> {
    const rows: Array<{ timezone: string; shifts: WeeklySlot[]; shift_exceptions: ScheduleException[] }> = await this.ds.query(
      `SELECT timezone, shifts, shift_exceptions FROM agents WHERE brand_id = $1 AND id = $2`,
      [brandId, agentId],
    );
    const r = rows[0];

    return r ? { timezone: r.timezone, shifts: r.shifts, exceptions: r.shift_exceptions } : null;
  }

  async setSchedule(tx: Queryable, brandId: string, agentId: string, s: { timezone: string; shifts: WeeklySlot[]; exceptions: ScheduleException[] }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `UPDATE agents SET timezone = $3, shifts = $4, shift_exceptions = $5 WHERE brand_id = $1 AND id = $2 RETURNING id`,
      [brandId, agentId, s.timezone, JSON.stringify(s.shifts), JSON.stringify(s.exceptions)],
    );

    return rows.length > 0;
  }
}
