import { Injectable } from '@nestjs/common';
import type { ReportFilter, ReportGroupBy } from '@roost/contracts';
import {
  execute,
  Nullable,
  rowType,
  selectMaybe,
  selectOne,
  selectRows,
  withBrand,
  type RowType,
} from '@roost/database';
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import type { ReportScope } from '../common/report-scope';

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

/**
 * The grouping key over a table alias (`{t}`), its time column (`{at}`) and agent expression: grouped
 * by the raw value (uuid, date, byte-order text), formatted once per group (`out`). Formatting or
 * collating each of a quarter's rows cost a third of the query.
 */
const GROUP_SQL: Record<ReportGroupBy, { key: string; out: string }> = {
  none: { key: 'NULL::text', out: 'key' },
  queue: { key: '{t}.queue_id', out: 'key::text' },
  agent: { key: '({agent})', out: 'key::text' },
  language: { key: '{t}.language COLLATE "C"', out: 'key' },
  channel: { key: '{t}.channel COLLATE "C"', out: 'key' },
  day: { key: '({at} AT TIME ZONE {tz})::date', out: `to_char(key, 'YYYY-MM-DD')` },
  week: { key: `date_trunc('week', {at} AT TIME ZONE {tz})`, out: `to_char(key, 'IYYY-"W"IW')` },
  month: { key: `date_trunc('month', {at} AT TIME ZONE {tz})`, out: `to_char(key, 'YYYY-MM')` },
};

function groupKey(
  groupBy: ReportGroupBy,
  params: unknown[],
  timezone: string,
  cols: { at: string; agent: string; table: string },
): { key: string; out: string } {
  const g = GROUP_SQL[groupBy];
  let key = g.key.replace('{t}', cols.table).replace('{at}', cols.at).replace('{agent}', cols.agent);
  if (key.includes('{tz}')) {
    params.push(timezone);
    key = key.replace('{tz}', `$${params.length}::text`);
  }

  return { key, out: g.out };
}

/**
 * Hour-of-week counts: rows are counted per quarter hour (no timezone work per row), each bin then
 * placed in the viewer's zone; exact, since every zone's offset is a whole number of quarter hours.
 * A quarter of history took 4x as long with the conversion per row.
 */
const QUARTER_HOUR = (col: string) => `date_bin('15 minutes', ${col}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
const HOUR_OF_WEEK = (bin: string) =>
  `EXTRACT(ISODOW FROM ${bin} AT TIME ZONE $4)::int AS day, EXTRACT(HOUR FROM ${bin} AT TIME ZONE $4)::int AS hour`;

const NO_DIST: DistRecord = { count: 0, avg: null, p: null, max: null };

/**
 * `dist(col)`'s json: count, the float8 mean, the three percentiles and the max (bigint milliseconds,
 * numbers once parsed from json); all but the count NULL over no values.
 */
const DistJson = Type.Object(
  {
    count: Type.Number(),
    avg: Nullable(Type.Number()),
    p: Nullable(Type.Tuple([Type.Number(), Type.Number(), Type.Number()])),
    max: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);
/**
 * The two summary queries' rows. Every group key (`GROUP_SQL`) is formatted to text, `none` selects
 * `NULL::text` and the grouping-sets total has a NULL key, so every variant returns the same columns.
 */
export const ConversationSummaryRow = rowType('metrics.report.conversation_summary', {
  total: Type.Boolean(),
  key: Nullable(Type.String()),
  conversations: Type.Integer(),
  inbound: Type.Integer(),
  answered: Type.Integer(),
  resolution: DistJson,
  handle: DistJson,
  unresolved: Type.Integer(),
  negative: Type.Integer(),
  neutral: Type.Integer(),
  positive: Type.Integer(),
  improved: Type.Integer(),
  worsened: Type.Integer(),
  unchanged: Type.Integer(),
  avg_score_delta: Nullable(Type.Number()),
});
type ConversationSummaryRow = Static<typeof ConversationSummaryRow.schema>;
export const CycleSummaryRow = rowType('metrics.report.cycle_summary', {
  total: Type.Boolean(),
  key: Nullable(Type.String()),
  cycles: Type.Integer(),
  frt: DistJson,
  eligible: Type.Integer(),
  met: Type.Integer(),
});
type CycleSummaryRow = Static<typeof CycleSummaryRow.schema>;
export const BacklogRow = rowType('metrics.report.backlog', {
  waiting: Type.Integer(),
  assigned: Type.Integer(),
  oldest: Nullable(Type.Date()),
});
/** Counts per local (ISO weekday, hour): inbound messages or conversations opened. */
export const HourOfWeekRow = rowType('metrics.report.hour_of_week', {
  day: Type.Integer(),
  hour: Type.Integer(),
  n: Type.Integer(),
});
/** `avg(handle_ms)::float8`: NULL over no resolved conversation. */
export const MeanHandleRow = rowType('metrics.report.mean_handle', { handle: Nullable(Type.Number()) });
/** Mean handle per queue; conversation_facts.queue_id is NULL-able (a conversation never queued). */
export const QueueHandleRow = rowType('metrics.report.queue_handle', {
  queue_id: Nullable(Type.String()),
  handle: Type.Number(),
});
/** `queue_state_brands()` (owner-run, `SETOF uuid`). */
export const QueueBrandRow = rowType('metrics.report.queue_state_brands', { brand_id: Type.String() });
export const SlaMinutesRow = rowType('metrics.report.sla_minutes', { sla_minutes: Type.Integer() });

/** One record per key (and the total), conversation figures and cycle figures side by side. */
function mergeSummaries(
  conversations: readonly ConversationSummaryRow[],
  cycles: readonly CycleSummaryRow[],
  groupBy: ReportGroupBy,
): SummaryRecord[] {
  const id = (r: { total: boolean; key: string | null }) =>
    groupBy === 'none' || r.total ? '\u0000total' : String(r.key);
  const byCycleKey = new Map(cycles.map((r) => [id(r), r]));
  const out = new Map<string, SummaryRecord>();
  for (const r of conversations) {
    out.set(id(r), {
      total: groupBy === 'none' ? true : Boolean(r.total),
      key: r.key ?? null,
      conversations: Number(r.conversations),
      inbound: Number(r.inbound),
      answered: Number(r.answered),
      frt: NO_DIST,
      resolution: r.resolution,
      handle: r.handle,
      eligible: 0,
      met: 0,
      unresolved: Number(r.unresolved),
      negative: Number(r.negative),
      neutral: Number(r.neutral),
      positive: Number(r.positive),
      improved: Number(r.improved),
      worsened: Number(r.worsened),
      unchanged: Number(r.unchanged),
      avgScoreDelta: r.avg_score_delta === null ? null : Number(r.avg_score_delta),
    });
  }
  for (const [k, c] of byCycleKey) {
    // A reopening in range whose conversation opened before it: a row with cycles only.
    const row = out.get(k) ?? {
      ...EMPTY_RECORD,
      total: groupBy === 'none' ? true : Boolean(c.total),
      key: c.key ?? null,
    };
    out.set(k, { ...row, frt: c.frt, eligible: Number(c.eligible), met: Number(c.met) });
  }

  // Keys in order, then the total (as `ORDER BY grouping, key` returns them).
  return [...out.values()].sort((a, b) =>
    a.total !== b.total ? (a.total ? 1 : -1) : (a.key ?? '') < (b.key ?? '') ? -1 : 1,
  );
}

const EMPTY_RECORD: SummaryRecord = {
  total: false,
  key: null,
  conversations: 0,
  inbound: 0,
  answered: 0,
  frt: NO_DIST,
  resolution: NO_DIST,
  handle: NO_DIST,
  eligible: 0,
  met: 0,
  unresolved: 0,
  negative: 0,
  neutral: 0,
  positive: 0,
  improved: 0,
  worsened: 0,
  unchanged: 0,
  avgScoreDelta: null,
};
const RANK = (col: string) =>
  `CASE ${col} WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 WHEN 'positive' THEN 2 END`;
const dist = (col: string) =>
  `json_build_object('count', count(${col}), 'avg', avg(${col})::float8,
     'p', percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY ${col}), 'max', max(${col}))`;

/** Builds `AND …` clauses for the optional filters; parameters continue after `first`. */
function filterSql(
  filter: ReportFilter,
  params: unknown[],
  cols: { queue: string; agent?: string; language: string; channel: string },
): string {
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

  /**
   * Conversation figures (volume, response rate, resolution, handle, sentiment) count conversations
   * opened in range; first response and SLA count response cycles started in range (a reopening
   * is a new wait for the customer, measured on its own). Two index range scans, merged by key.
   */
  async summary(
    scope: ReportScope,
    opts: { groupBy: ReportGroupBy; targets: readonly SlaTarget[]; defaultMinutes: number; now: Date },
  ): Promise<SummaryRecord[]> {
    // Two connections at once: the two scans take about as long as the longer one.
    const [conversations, cycles] = await Promise.all([
      this.reportQuery(
        scope.brandId,
        ConversationSummaryRow,
        ...this.conversationSummary(scope, opts.groupBy),
      ),
      this.reportQuery(scope.brandId, CycleSummaryRow, ...this.cycleSummary(scope, opts)),
    ]);

    return mergeSummaries(conversations, cycles, opts.groupBy);
  }

  private reportQuery<P extends TProperties>(
    brandId: string,
    row: RowType<P>,
    sql: string,
    params: unknown[],
  ): Promise<Array<Static<TObject<P>>>> {
    return withBrand(this.ds, brandId, async (tx) => {
      // Exact percentiles sort every value in range: the default 4 MB spills a quarter's sort to disk;
      // JIT compilation cost more than it saved on these sub-second scans (measured on 1M conversations).
      await execute(tx, `SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`);

      return selectRows(tx, row, sql, params);
    });
  }

  /** One query as the brand (row-level security shows no other brand's rows). */
  private asBrand<P extends TProperties>(
    brandId: string,
    row: RowType<P>,
    sql: string,
    params: unknown[],
  ): Promise<Array<Static<TObject<P>>>> {
    return withBrand(this.ds, brandId, (tx) => selectRows(tx, row, sql, params));
  }

  private conversationSummary(scope: ReportScope, groupBy: ReportGroupBy): [string, unknown[]] {
    const params: unknown[] = [scope.brandId, scope.from, scope.to];
    const key = groupKey(groupBy, params, scope.timezone, {
      at: 'f.opened_at',
      agent: 'f.agent_id',
      table: 'f',
    });
    const where = filterSql(scope.filter, params, {
      queue: 'f.queue_id',
      agent: 'f.agent_id',
      language: 'f.language',
      channel: 'f.channel',
    });
    const none = groupBy === 'none';

    return [
      `WITH scoped AS (
         SELECT ${key.key} AS key, f.inbound, f.answered, f.resolution_ms, f.handle_ms,
           f.negative, f.neutral, f.positive, f.first_sentiment, f.last_sentiment, f.first_score, f.last_score
         FROM conversation_facts f
         WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${where}
       )
       SELECT ${none ? 'true' : 'grouping(key) = 1'} AS total, ${none ? 'NULL::text' : key.out} AS key, count(*)::int AS conversations,
         coalesce(sum(inbound), 0)::int AS inbound, coalesce(sum(answered), 0)::int AS answered,
         ${dist('resolution_ms')} AS resolution, ${dist('handle_ms')} AS handle,
         count(*) FILTER (WHERE resolution_ms IS NULL)::int AS unresolved,
         coalesce(sum(negative), 0)::int AS negative, coalesce(sum(neutral), 0)::int AS neutral, coalesce(sum(positive), 0)::int AS positive,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} > ${RANK('first_sentiment')})::int AS improved,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} < ${RANK('first_sentiment')})::int AS worsened,
         count(*) FILTER (WHERE inbound >= 2 AND ${RANK('last_sentiment')} = ${RANK('first_sentiment')})::int AS unchanged,
         avg(last_score - first_score) FILTER (WHERE inbound >= 2)::float8 AS avg_score_delta
       FROM scoped ${none ? '' : 'GROUP BY GROUPING SETS ((key), ()) ORDER BY 1, 2'}`,
      params,
    ];
  }

  private cycleSummary(
    scope: ReportScope,
    opts: { groupBy: ReportGroupBy; targets: readonly SlaTarget[]; defaultMinutes: number; now: Date },
  ): [string, unknown[]] {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, opts.defaultMinutes, opts.now];
    // A cycle belongs to the agent who answered it, else to the agent it was routed to.
    const agent = 'coalesce(r.first_response_agent_id, r.agent_id)';
    const key = groupKey(opts.groupBy, params, scope.timezone, { at: 'r.started_at', agent, table: 'r' });
    const where = filterSql(scope.filter, params, {
      queue: 'r.queue_id',
      agent,
      language: 'r.language',
      channel: 'r.channel',
    });
    let target = `($4::int * 60000)`;
    let targetsCte = '';
    if (opts.targets.length > 0) {
      params.push(
        JSON.stringify(
          opts.targets.map((t) => ({ queue_id: t.queueId, min_priority: t.minPriority, minutes: t.minutes })),
        ),
      );
      targetsCte = `targets AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($${params.length}::jsonb) AS t(queue_id uuid, min_priority int, minutes int)),`;
      // The target of the highest priority band the cycle reaches (routing's rule).
      target = `(coalesce((SELECT t.minutes FROM targets t WHERE t.queue_id = r.queue_id AND t.min_priority <= r.priority
                  ORDER BY t.min_priority DESC LIMIT 1), $4::int) * 60000)`;
    }
    const none = opts.groupBy === 'none';

    return [
      `WITH ${targetsCte} scoped AS (
         SELECT ${key.key} AS key, r.first_response_ms, r.started_at, ${target} AS target_ms
         FROM response_cycles r
         WHERE r.brand_id = $1 AND r.started_at >= $2 AND r.started_at < $3 ${where}
       )
       SELECT ${none ? 'true' : 'grouping(key) = 1'} AS total, ${none ? 'NULL::text' : key.out} AS key, count(*)::int AS cycles,
         ${dist('first_response_ms')} AS frt,
         count(*) FILTER (WHERE first_response_ms IS NOT NULL
           OR EXTRACT(EPOCH FROM ($5::timestamptz - started_at)) * 1000 > target_ms)::int AS eligible,
         count(*) FILTER (WHERE first_response_ms <= target_ms)::int AS met
       FROM scoped ${none ? '' : 'GROUP BY GROUPING SETS ((key), ()) ORDER BY 1, 2'}`,
      params,
    ];
  }

  async backlog(
    brandId: string,
    queueIds: readonly string[] | undefined,
  ): Promise<{ waiting: number; assigned: number; oldest: Date | null }> {
    const params: unknown[] = [brandId];
    let where = '';
    if (queueIds && queueIds.length > 0) {
      params.push(queueIds);
      where = 'AND queue_id = ANY($2::uuid[])';
    }
    const r = await withBrand(this.ds, brandId, (tx) =>
      selectOne(
        tx,
        BacklogRow,
        `SELECT coalesce(sum(waiting), 0)::int AS waiting, coalesce(sum(assigned), 0)::int AS assigned, min(oldest_waiting_since) AS oldest
       FROM queue_state WHERE brand_id = $1 ${where}`,
        params,
      ),
    );

    return { waiting: Number(r.waiting), assigned: Number(r.assigned), oldest: r.oldest ?? null };
  }

  /** Inbound customer messages per local (ISO weekday, hour). */
  async inboundByHourOfWeek(scope: ReportScope): Promise<Array<{ day: number; hour: number; n: number }>> {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, scope.timezone];
    const where = filterSql(scope.filter, params, {
      queue: 'queue_id',
      language: 'language',
      channel: 'channel',
    });
    const rows = await this.asBrand(
      scope.brandId,
      HourOfWeekRow,
      `SELECT ${HOUR_OF_WEEK('bin')}, sum(n)::int AS n
       FROM (SELECT ${QUARTER_HOUR('at')} AS bin, count(*) AS n
             FROM inbound_messages WHERE brand_id = $1 AND at >= $2 AND at < $3 ${where} GROUP BY 1) b
       GROUP BY 1, 2`,
      params,
    );

    return rows;
  }

  /** Conversations opened per local (ISO weekday, hour) and the mean handle time (ms) over the range. */
  async arrivalsAndHandle(
    scope: ReportScope,
  ): Promise<{ arrivals: Array<{ day: number; hour: number; n: number }>; handleMs: number | null }> {
    const params: unknown[] = [scope.brandId, scope.from, scope.to, scope.timezone];
    const where = filterSql(scope.filter, params, {
      queue: 'f.queue_id',
      agent: 'f.agent_id',
      language: 'f.language',
      channel: 'f.channel',
    });
    const arrivals = await this.asBrand(
      scope.brandId,
      HourOfWeekRow,
      `SELECT ${HOUR_OF_WEEK('bin')}, sum(n)::int AS n
       FROM (SELECT ${QUARTER_HOUR('f.opened_at')} AS bin, count(*) AS n
             FROM conversation_facts f WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${where} GROUP BY 1) b
       GROUP BY 1, 2`,
      params,
    );
    // Same filters without the timezone parameter (an unused parameter has no type in PostgreSQL).
    const hParams: unknown[] = [scope.brandId, scope.from, scope.to];
    const hWhere = filterSql(scope.filter, hParams, {
      queue: 'f.queue_id',
      agent: 'f.agent_id',
      language: 'f.language',
      channel: 'f.channel',
    });
    const h = await withBrand(this.ds, scope.brandId, (tx) =>
      selectOne(
        tx,
        MeanHandleRow,
        `SELECT avg(f.handle_ms)::float8 AS handle FROM conversation_facts f
       WHERE f.brand_id = $1 AND f.opened_at >= $2 AND f.opened_at < $3 ${hWhere}`,
        hParams,
      ),
    );

    return { arrivals, handleMs: h.handle === null ? null : Number(h.handle) };
  }

  /** Mean handle time (ms) per queue over conversations resolved since `since`: the wait estimator's input. */
  async recentHandleMs(brandId: string, since: Date): Promise<Map<string, number>> {
    const rows = await this.asBrand(
      brandId,
      QueueHandleRow,
      `SELECT queue_id, avg(handle_ms)::float8 AS handle FROM conversation_facts
       WHERE brand_id = $1 AND opened_at >= $2::timestamptz - interval '30 days' AND resolved_at >= $2::timestamptz AND handle_ms IS NOT NULL
       GROUP BY queue_id`,
      [brandId, since],
    );

    // A NULL queue (conversations never queued) is no queue's estimate.
    return new Map(
      rows.flatMap((r) => (r.queue_id === null ? [] : [[r.queue_id, Number(r.handle)] as const])),
    );
  }

  /** The brands with queues, for the wait publisher: from an owner-run function that answers ids only. */
  async queueBrands(): Promise<string[]> {
    const brands = await selectRows(this.ds, QueueBrandRow, `SELECT queue_state_brands() AS brand_id`);

    return brands.map((b) => b.brand_id);
  }

  async slaMinutes(brandId: string): Promise<number> {
    const r = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(tx, SlaMinutesRow, `SELECT sla_minutes FROM brand_settings WHERE brand_id = $1`, [brandId]),
    );

    return r ? Number(r.sla_minutes) : DEFAULT_SLA_MINUTES;
  }

  async setSlaMinutes(brandId: string, minutes: number): Promise<void> {
    await withBrand(this.ds, brandId, (tx) =>
      execute(
        tx,
        `INSERT INTO brand_settings (brand_id, sla_minutes) VALUES ($1, $2)
       ON CONFLICT (brand_id) DO UPDATE SET sla_minutes = EXCLUDED.sla_minutes, updated_at = now()`,
        [brandId, minutes],
      ),
    );
  }
}

/** Customers expect an answer within the hour (issue 6). */
export const DEFAULT_SLA_MINUTES = 60;
