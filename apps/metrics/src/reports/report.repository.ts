import { Injectable } from '@nestjs/common';
import type { ReportFilter, ReportGroupBy } from '@roost/contracts';
import { DataSource } from 'typeorm';

export interface ReportScope {
  brandId: string;
  from: Date;
  to: Date;
  timezone: string;
  filter: ReportFilter;
}

export interface SlaTarget {
  queueId: string;
  minPriority: number;
  minutes: number;
}

/** One aggregate row, durations in milliseconds as PostgreSQL returns them. */
export interface SummaryRecord {
  total: boolean;
  key: string | null;
  conversations: number;
  inbound: number;
  answered: number;
  frt: DistRecord;
  resolution: DistRecord;
  handle: DistRecord;
  eligible: number;
  met: number;
  unresolved: number;
  negative: number;
  neutral: number;
  positive: number;
  improved: number;
  worsened: number;
  unchanged: number;
  avgScoreDelta: number | null;
}
export interface DistRecord {
  count: number;
  avg: number | null;
  p: [number, number, number] | null;
  max: number | null;
}

const GROUP_SQL: Record<ReportGroupBy, string> = {
  none: 'NULL::text',
  queue: 'f.queue_id::text',
  agent: 'f.agent_id::text',
  language: 'f.language',
  channel: 'f.channel',
  day: `to_char(f.opened_at AT TIME ZONE {tz}, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', f.opened_at AT TIME ZONE {tz}), 'IYYY-"W"IW')`,
  month: `to_char(f.opened_at AT TIME ZONE {tz}, 'YYYY-MM')`,
};
const RANK = (col: string) => `CASE ${col} WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 WHEN 'positive' THEN 2 END`;
const dist = (col: string) =>
  `json_build_object('count', count(${col}), 'avg', avg(${col})::float8,
     'p', percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY ${col}), 'max', max(${col}))`;

/** Builds `AND …` clauses for the optional filters; parameters continue after `first`. */
function filterSql(filter: ReportFilter, params: unknown[], cols: { queue: string; agent?: string; language: string; channel: string }): string {
  const parts: string[] = [];
  const add = (col: string, values: readonly string[] | undefined, cast: string) => {
    if (!values || values.length === 0) return;
    params.push(values);
    parts.push(`AND ${col} = ANY($${params.length}::${cast}[])`);
  };
  add(cols.queue, filter.queueIds, 'uuid');
  if (cols.agent) add(cols.agent, filter.agentIds, 'uuid');
  add(cols.language, filter.languages, 'text');
  add(cols.channel, filter.channels, 'text');

  return parts.join(' ');
}

/**
 * Report queries over the fact tables. Percentiles are exact (`percentile_cont` over the
 * conversations in range), read through the brand-leading covering index `(brand_id, opened_at)`.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly ds: DataSource) {}

  async summary(scope: ReportScope, opts: { groupBy: ReportGroupBy; targets: readonly SlaTarget[]; defaultMinutes: number; now: Date }): Promise<SummaryRecord[]> {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, opts.defaultMinutes, opts.now];
    let groupSql = GROUP_SQL[opts.groupBy];
    if (groupSql.includes('{tz}')) {
      params.push(scope.timezone);
      groupSql = groupSql.replace('{tz}', `$${params.length}::text`);
    }
    const where = filterSql(scope.filter, params, { queue: 'f.queue_id', agent: 'f.agent_id', language: 'f.language', channel: 'f.channel' });
    let target = `($4::int * 60000)`;
    if (opts.targets.length > 0) {
      params.push(JSON.stringify(opts.targets.map((t) => ({ queue_id: t.queueId, min_priority: t.minPriority, minutes: t.minutes }))));
      // The target of the highest priority band the conversation reaches (routing's rule).
      target = `(coalesce((SELECT t.minutes FROM targets t WHERE t.queue_id = f.queue_id AND t.min_priority <= coalesce(f.priority, 0)
                  ORDER BY t.min_priority DESC LIMIT 1), $4::int) * 60000)`;
    }
    const targetsCte =
      opts.targets.length > 0
        ? `targets AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($${params.length}::jsonb) AS t(queue_id uuid, min_priority int, minutes int)),`
        : '';
    const none = opts.groupBy === 'none';
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `WITH ${targetsCte} scoped AS (
         SELECT ${groupSql} AS key, f.inbound, f.answered, f.first_response_ms, f.resolution_ms, f.handle_ms,
           f.negative, f.neutral, f.positive, f.first_sentiment, f.last_sentiment, f.first_score, f.last_score, f.opened_at,
           ${target} AS target_ms
         FROM conversation_facts f
         WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${where}
       )
       SELECT ${none ? 'true' : 'grouping(key) = 1'} AS total, ${none ? 'NULL::text' : 'key'} AS key, count(*)::int AS conversations,
         coalesce(sum(inbound), 0)::int AS inbound, coalesce(sum(answered), 0)::int AS answered,
         ${dist('first_response_ms')} AS frt, ${dist('resolution_ms')} AS resolution, ${dist('handle_ms')} AS handle,
         count(*) FILTER (WHERE first_response_ms IS NOT NULL
           OR EXTRACT(EPOCH FROM ($5::timestamptz - opened_at)) * 1000 > target_ms)::int AS eligible,
         count(*) FILTER (WHERE first_response_ms <= target_ms)::int AS met,
         count(*) FILTER (WHERE resolution_ms IS NULL)::int AS unresolved,
         coalesce(sum(negative), 0)::int AS negative, coalesce(sum(neutral), 0)::int AS neutral, coalesce(sum(positive), 0)::int AS positive,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} > ${RANK('first_sentiment')})::int AS improved,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} < ${RANK('first_sentiment')})::int AS worsened,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} = ${RANK('first_sentiment')})::int AS unchanged,
         avg(last_score - first_score) FILTER (WHERE inbound >= 2)::float8 AS avg_score_delta
       FROM scoped ${none ? '' : 'GROUP BY GROUPING SETS ((key), ()) ORDER BY 1, 2'}`,
      params,
    );

    return rows.map((r) => ({
      total: opts.groupBy === 'none' ? true : Boolean(r.total),
      key: (r.key as string | null) ?? null,
      conversations: Number(r.conversations),
      inbound: Number(r.inbound),
      answered: Number(r.answered),
      frt: r.frt as DistRecord,
      resolution: r.resolution as DistRecord,
      handle: r.handle as DistRecord,
      eligible: Number(r.eligible),
      met: Number(r.met),
      unresolved: Number(r.unresolved),
      negative: Number(r.negative),
      neutral: Number(r.neutral),
      positive: Number(r.positive),
      improved: Number(r.improved),
      worsened: Number(r.worsened),
      unchanged: Number(r.unchanged),
      avgScoreDelta: r.avg_score_delta === null ? null : Number(r.avg_score_delta),
    }));
  }

  async backlog(brandId: string, queueIds: readonly string[] | undefined): Promise<{ waiting: number; assigned: number; oldest: Date | null }> {
    const params: unknown[] = [brandId];
    let where = '';
    if (queueIds && queueIds.length > 0) {
      params.push(queueIds);
      where = 'AND queue_id = ANY($2::uuid[])';
    }
    const [r] = await this.ds.query(
      `SELECT coalesce(sum(waiting), 0)::int AS waiting, coalesce(sum(assigned), 0)::int AS assigned, min(oldest_waiting_since) AS oldest
       FROM queue_state WHERE brand_id = $1 ${where}`,
      params,
    );

    return { waiting: Number(r.waiting), assigned: Number(r.assigned), oldest: r.oldest ?? null };
  }

  /** Inbound customer messages per local (ISO weekday, hour). */
  async inboundByHourOfWeek(scope: ReportScope): Promise<Array<{ day: number; hour: number; n: number }>> {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, scope.timezone];
    const where = filterSql(scope.filter, params, { queue: 'queue_id', language: 'language', channel: 'channel' });
    const rows: Array<{ day: number; hour: number; n: number }> = await this.ds.query(
      `SELECT EXTRACT(ISODOW FROM at AT TIME ZONE $4)::int AS day, EXTRACT(HOUR FROM at AT TIME ZONE $4)::int AS hour, count(*)::int AS n
       FROM inbound_messages WHERE brand_id = $1 AND at >= $2 AND at < $3 ${where} GROUP BY 1, 2`,
      params,
    );

    return rows;
  }

  /** Conversations opened per local (ISO weekday, hour) and the mean handle time (ms) over the range. */
  async arrivalsAndHandle(scope: ReportScope): Promise<{ arrivals: Array<{ day: number; hour: number; n: number }>; handleMs: number | null }> {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, scope.timezone];
    const where = filterSql(scope.filter, params, { queue: 'f.queue_id', agent: 'f.agent_id', language: 'f.language', channel: 'f.channel' });
    const arrivals: Array<{ day: number; hour: number; n: number }> = await this.ds.query(
      `SELECT EXTRACT(ISODOW FROM f.opened_at AT TIME ZONE $4)::int AS day, EXTRACT(HOUR FROM f.opened_at AT TIME ZONE $4)::int AS hour,
         count(*)::int AS n
       FROM conversation_facts f WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${where} GROUP BY 1, 2`,
      params,
    );
    // Same filters without the timezone parameter (an unused parameter has no type in PostgreSQL).
    const hParams: unknown[] = [scope.brandId, scope.from, scope.to];
    const hWhere = filterSql(scope.filter, hParams, { queue: 'f.queue_id', agent: 'f.agent_id', language: 'f.language', channel: 'f.channel' });
    const [h] = await this.ds.query(
      `SELECT avg(f.handle_ms)::float8 AS handle FROM conversation_facts f
       WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${hWhere}`,
      hParams,
    );

    return { arrivals, handleMs: h?.handle === null || h?.handle === undefined ? null : Number(h.handle) };
  }

  /** Mean handle time (ms) per queue over conversations resolved since `since`: the wait estimator's input. */
  async recentHandleMs(brandId: string, since: Date): Promise<Map<string, number>> {
    const rows: Array<{ queue_id: string; handle: number }> = await this.ds.query(
      `SELECT queue_id, avg(handle_ms)::float8 AS handle FROM conversation_facts
       WHERE brand_id = $1 AND opened_at >= $2::timestamptz - interval '30 days' AND resolved_at >= $2::timestamptz AND handle_ms IS NOT NULL
       GROUP BY queue_id`,
      [brandId, since],
    );

    return new Map(rows.map((r) => [r.queue_id, Number(r.handle)]));
  }

  async queueStates(): Promise<Array<{ brandId: string; queueId: string; waiting: number }>> {
    const rows: Array<{ brand_id: string; queue_id: string; waiting: number }> = await this.ds.query(
      `SELECT brand_id, queue_id, waiting FROM queue_state ORDER BY brand_id, queue_id`,
    );

    return rows.map((r) => ({ brandId: r.brand_id, queueId: r.queue_id, waiting: Number(r.waiting) }));
  }

  async slaMinutes(brandId: string): Promise<number> {
    const [r] = await this.ds.query(`SELECT sla_minutes FROM brand_settings WHERE brand_id = $1`, [brandId]);

    return r ? Number(r.sla_minutes) : DEFAULT_SLA_MINUTES;
  }

  async setSlaMinutes(brandId: string, minutes: number): Promise<void> {
    await this.ds.query(
      `INSERT INTO brand_settings (brand_id, sla_minutes) VALUES ($1, $2)
       ON CONFLICT (brand_id) DO UPDATE SET sla_minutes = EXCLUDED.sla_minutes, updated_at = now()`,
      [brandId, minutes],
    );
  }
}

/** Customers expect an answer within the hour (issue 6). */
export const DEFAULT_SLA_MINUTES = 60;
