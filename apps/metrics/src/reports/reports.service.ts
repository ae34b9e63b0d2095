import { Injectable, Logger } from '@nestjs/common';
import {
  RoutingRpc,
  requireRole,
  type Distribution,
  type Heatmap,
  type HeatmapRequest,
  type MetricsSettings,
  type SummaryReport,
  type SummaryRequest,
  type SummaryRow,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { authorize, reportScope, weeksIn, type Acting } from '../common/report-scope';
import {
  ReportRepository,
  type DistRecord,
  type SlaTarget,
  type SummaryRecord,
} from '../data/report.repository';

const ROUTING_TIMEOUT_MS = 2000;
const sec = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : Number(ms) / 1000;

function distribution(d: DistRecord): Distribution {
  const [p50, p90, p99] = d.p ?? [null, null, null];

  return {
    count: Number(d.count),
    avg: sec(d.avg),
    p50: sec(p50),
    p90: sec(p90),
    p99: sec(p99),
    max: sec(d.max),
  };
}

export function toSummaryRow(r: SummaryRecord): SummaryRow {
  return {
    key: r.key,
    conversations: r.conversations,
    inbound: r.inbound,
    answered: r.answered,
    responseRate: r.inbound > 0 ? r.answered / r.inbound : null,
    firstResponseSeconds: distribution(r.frt),
    resolutionSeconds: distribution(r.resolution),
    handleSeconds: distribution(r.handle),
    sla: { eligible: r.eligible, met: r.met, attainment: r.eligible > 0 ? r.met / r.eligible : null },
    unresolved: r.unresolved,
    sentiment: { negative: r.negative, neutral: r.neutral, positive: r.positive },
    sentimentChange: {
      improved: r.improved,
      worsened: r.worsened,
      unchanged: r.unchanged,
      avgScoreDelta: r.avgScoreDelta,
    },
  };
}

const EMPTY: SummaryRecord = {
  total: true,
  key: null,
  conversations: 0,
  inbound: 0,
  answered: 0,
  frt: { count: 0, avg: null, p: null, max: null },
  resolution: { count: 0, avg: null, p: null, max: null },
  handle: { count: 0, avg: null, p: null, max: null },
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

/** Report queries for the gateway: authorise, resolve SLA targets, query, shape. */
@Injectable()
export class ReportsService {
  private readonly log = new Logger(ReportsService.name);

  constructor(
    private readonly repo: ReportRepository,
    private readonly rpc: RpcClient,
  ) {}

  async summary(r: SummaryRequest): Promise<SummaryReport> {
    authorize(r, r.filter, { ownAllowed: true });
    const scope = reportScope(r);
    const groupBy = r.groupBy ?? 'none';
    const [defaultMinutes, targets, backlog] = await Promise.all([
      this.repo.slaMinutes(r.brandId),
      this.slaTargets(r),
      this.repo.backlog(r.brandId, r.filter?.queueIds),
    ]);
    const records = await this.repo.summary(scope, {
      groupBy,
      targets: targets ?? [],
      defaultMinutes,
      now: new Date(),
    });
    const total = records.find((x) => x.total) ?? EMPTY;

    return {
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      timezone: scope.timezone,
      groupBy,
      slaSource: targets && targets.length > 0 ? 'routing' : 'brand_default',
      slaDefaultMinutes: defaultMinutes,
      total: toSummaryRow(total),
      rows: groupBy === 'none' ? [] : records.filter((x) => !x.total).map(toSummaryRow),
      backlog: {
        waiting: backlog.waiting,
        assigned: backlog.assigned,
        oldestWaitingSince: backlog.oldest?.toISOString() ?? null,
      },
    };
  }

  async heatmap(r: HeatmapRequest): Promise<Heatmap> {
    authorize(r, undefined, { ownAllowed: false });
    const scope = reportScope(r);
    const found = await this.repo.inboundByHourOfWeek(scope);
    const counts = new Map(found.map((c) => [`${c.day}:${c.hour}`, c.n]));
    const cells = Array.from({ length: 168 }, (_, i) => {
      const day = Math.floor(i / 24) + 1;
      const hour = i % 24;

      return { day, hour, inbound: counts.get(`${day}:${hour}`) ?? 0 };
    });

    return {
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      timezone: scope.timezone,
      weeks: weeksIn(scope),
      cells,
    };
  }

  async settings(a: Acting): Promise<MetricsSettings> {
    return { brandId: a.brandId, slaMinutes: await this.repo.slaMinutes(a.brandId) };
  }

  async setSettings(a: Acting & { slaMinutes: number }): Promise<MetricsSettings> {
    requireRole(a.actorRole, 'supervisor');
    await this.repo.setSlaMinutes(a.brandId, a.slaMinutes);

    return this.settings(a);
  }

  /**
   * Routing owns SLA targets per queue and priority band (`routing.queues.list`, asked as the
   * requesting agent). Null when routing does not answer: the report then uses the brand default.
   */
  private async slaTargets(a: Acting): Promise<SlaTarget[] | null> {
    try {
      const { queues } = await this.rpc.request(
        RoutingRpc.ListQueues,
        { brandId: a.brandId, actorId: a.actorId, actorRole: a.actorRole },
        ROUTING_TIMEOUT_MS,
      );

      return queues.flatMap((q) =>
        q.slaTargets.map((t) => ({ queueId: q.id, minPriority: t.minPriority, minutes: t.minutes })),
      );
    } catch (err) {
      this.log.warn(
        { brandId: a.brandId, err: (err as Error).message },
        'SLA targets unavailable from routing, using brand default',
      );

      return null;
    }
  }
}
