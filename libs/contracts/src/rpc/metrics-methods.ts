import { Type, type Static } from '@sinclair/typebox';
import { AgentRole, Channel, IsoDate, Uuid } from '../common';
import { rpc, type RpcDef } from './methods';
import { QueueWaitEstimatedV1 } from '../events/queue-wait-estimated.v1';

/**
 * Request/reply methods the metrics service answers, added by the metrics service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `metrics.<noun>.<verb>`.
 * Every request carries the brand and the acting agent (id and role, as the gateway authenticated them).
 * Brand-wide reports, heatmaps, staffing and settings are for supervisors and admins (FORBIDDEN otherwise);
 * an agent may ask for the summary of their own conversations only (`filter.agentIds` = [actorId]).
 */
const Acting = { brandId: Uuid, actorId: Uuid, actorRole: AgentRole };

/**
 * A time range in the viewer's timezone. `from`/`to` are ISO dates (`2026-03-01`, local midnight in
 * `timezone`) or ISO instants; `to` is exclusive. `timezone` is an IANA name (`Europe/Paris`).
 */
const Range = {
  from: Type.String({ minLength: 10, maxLength: 40 }),
  to: Type.String({ minLength: 10, maxLength: 40 }),
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
};

export const ReportFilter = Type.Object({
  queueIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
  agentIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
  languages: Type.Optional(Type.Array(Type.String({ maxLength: 8 }), { maxItems: 50 })),
  channels: Type.Optional(Type.Array(Channel, { maxItems: 2 })),
});
export type ReportFilter = Static<typeof ReportFilter>;

export const ReportGroupBy = Type.Union([
  Type.Literal('none'),
  Type.Literal('queue'),
  Type.Literal('agent'),
  Type.Literal('language'),
  Type.Literal('channel'),
  /** Calendar day / ISO week / month in the request's timezone. */
  Type.Literal('day'),
  Type.Literal('week'),
  Type.Literal('month'),
]);
export type ReportGroupBy = Static<typeof ReportGroupBy>;

/** A duration distribution in seconds; null figures when no conversation qualifies. */
export const Distribution = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  avg: Type.Union([Type.Number(), Type.Null()]),
  p50: Type.Union([Type.Number(), Type.Null()]),
  p90: Type.Union([Type.Number(), Type.Null()]),
  p99: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
});
export type Distribution = Static<typeof Distribution>;

export const SummaryRow = Type.Object({
  /** The group's key (queue id, agent id, language, channel, local date), null for `none` or unknown. */
  key: Type.Union([Type.String(), Type.Null()]),
  conversations: Type.Integer({ minimum: 0 }),
  /** Inbound customer messages in these conversations, and how many a later brand reply answered. */
  inbound: Type.Integer({ minimum: 0 }),
  answered: Type.Integer({ minimum: 0 }),
  responseRate: Type.Union([Type.Number(), Type.Null()]),
  /** Per response cycle started in range (an opening or a reopening by the customer) until the first brand reply after it. */
  firstResponseSeconds: Distribution,
  resolutionSeconds: Distribution,
  /** Handle time: first assignment to an agent → resolution (the time the conversation held an agent's slot). */
  handleSeconds: Distribution,
  /** Response cycles answered, or unanswered past their target: first response within target / those. */
  sla: Type.Object({
    eligible: Type.Integer(),
    met: Type.Integer(),
    attainment: Type.Union([Type.Number(), Type.Null()]),
  }),
  unresolved: Type.Integer({ minimum: 0 }),
  sentiment: Type.Object({ negative: Type.Integer(), neutral: Type.Integer(), positive: Type.Integer() }),
  /** First vs last inbound message of conversations with at least two: label went up, down, or stayed. */
  sentimentChange: Type.Object({
    improved: Type.Integer(),
    worsened: Type.Integer(),
    unchanged: Type.Integer(),
    avgScoreDelta: Type.Union([Type.Number(), Type.Null()]),
  }),
});
export type SummaryRow = Static<typeof SummaryRow>;

export const SummaryRequest = Type.Object({
  ...Acting,
  ...Range,
  filter: Type.Optional(ReportFilter),
  groupBy: Type.Optional(ReportGroupBy),
});
export type SummaryRequest = Static<typeof SummaryRequest>;

export const SummaryReport = Type.Object({
  from: IsoDate,
  to: IsoDate,
  timezone: Type.String(),
  groupBy: ReportGroupBy,
  /** Where the SLA targets came from: routing's per-queue targets, or the brand's default minutes. */
  slaSource: Type.Union([Type.Literal('routing'), Type.Literal('brand_default')]),
  slaDefaultMinutes: Type.Integer(),
  total: SummaryRow,
  rows: Type.Array(SummaryRow),
  /** Live backlog of the filtered queues (latest queue snapshots seen). */
  backlog: Type.Object({
    waiting: Type.Integer(),
    assigned: Type.Integer(),
    oldestWaitingSince: Type.Union([IsoDate, Type.Null()]),
  }),
});
export type SummaryReport = Static<typeof SummaryReport>;

export const HeatmapRequest = Type.Object({ ...Acting, ...Range, filter: Type.Optional(ReportFilter) });
export type HeatmapRequest = Static<typeof HeatmapRequest>;

export const Heatmap = Type.Object({
  from: IsoDate,
  to: IsoDate,
  timezone: Type.String(),
  /** Weeks in the range (fractional), to turn counts into means per hour of week. */
  weeks: Type.Number(),
  /** 168 cells, Monday 00h first: ISO weekday 1-7 and local hour 0-23. */
  cells: Type.Array(Type.Object({ day: Type.Integer(), hour: Type.Integer(), inbound: Type.Integer() })),
});
export type Heatmap = Static<typeof Heatmap>;

export const StaffingRequest = Type.Object({
  ...Acting,
  ...Range,
  queueIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
  /** Service level target, e.g. 0.8 within 3600 s; default: 0.8 within the brand's SLA minutes. */
  serviceLevel: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
  targetSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Conversations per agent at once; default: mean capacity of the brand's agents (routing), else 1. */
  concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  /** Agents scheduled per hour of week (168, Monday 00h first, request timezone); default: from routing's shifts. */
  scheduled: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { minItems: 168, maxItems: 168 })),
});
export type StaffingRequest = Static<typeof StaffingRequest>;

export const StaffingAdvice = Type.Object({
  timezone: Type.String(),
  weeks: Type.Number(),
  handleSeconds: Type.Number(),
  handleSource: Type.Union([Type.Literal('measured'), Type.Literal('default')]),
  concurrency: Type.Integer(),
  serviceLevel: Type.Number(),
  targetSeconds: Type.Integer(),
  scheduledSource: Type.Union([
    Type.Literal('request'),
    Type.Literal('routing_shifts'),
    Type.Literal('unknown'),
  ]),
  hours: Type.Array(
    Type.Object({
      day: Type.Integer(),
      hour: Type.Integer(),
      arrivals: Type.Number(),
      trafficErlangs: Type.Number(),
      agentsNeeded: Type.Integer(),
      scheduled: Type.Union([Type.Integer(), Type.Null()]),
      gap: Type.Union([Type.Integer(), Type.Null()]),
      scheduledServiceLevel: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  /** Hours of week where scheduled < needed, worst first. */
  shortfalls: Type.Array(Type.Object({ day: Type.Integer(), hour: Type.Integer(), gap: Type.Integer() })),
});
export type StaffingAdvice = Static<typeof StaffingAdvice>;

export const MetricsSettings = Type.Object({
  brandId: Uuid,
  slaMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
});
export type MetricsSettings = Static<typeof MetricsSettings>;

export const MetricsRpc = {
  Summary: rpc('metrics.reports.summary', SummaryRequest, SummaryReport),
  Heatmap: rpc('metrics.reports.heatmap', HeatmapRequest, Heatmap),
  Staffing: rpc('metrics.staffing.advise', StaffingRequest, StaffingAdvice),
  /** Any report as CSV (one row per group / cell / hour). */
  ExportCsv: rpc(
    'metrics.reports.export',
    Type.Union([
      Type.Object({ report: Type.Literal('summary'), request: SummaryRequest }),
      Type.Object({ report: Type.Literal('heatmap'), request: HeatmapRequest }),
      Type.Object({ report: Type.Literal('staffing'), request: StaffingRequest }),
    ]),
    Type.Object({ filename: Type.String(), contentType: Type.Literal('text/csv'), csv: Type.String() }),
  ),
  GetSettings: rpc('metrics.settings.get', Type.Object({ ...Acting }), MetricsSettings),
  /** The brand's latest expected wait per queue (the last `queue.wait_estimated` of each; absent: not staffed or not yet computed). */
  LatestWaits: rpc(
    'metrics.waits.latest',
    Type.Object({ brandId: Uuid }),
    Type.Object({ waits: Type.Array(QueueWaitEstimatedV1) }),
  ),
  /** Supervisors and admins: the brand's default first-response target (used where routing gives none). */
  SetSettings: rpc(
    'metrics.settings.set',
    Type.Object({ ...Acting, slaMinutes: Type.Integer({ minimum: 1, maximum: 10080 }) }),
    MetricsSettings,
  ),
} satisfies Record<string, RpcDef>;
