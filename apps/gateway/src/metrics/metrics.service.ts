import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  MetricsRpc,
  forbidden,
  type Heatmap,
  type ReportFilter,
  type StaffingAdvice,
  type StaffingRequest,
  type SummaryReport,
  type SummaryRequest,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import { defined } from '../common/access/defined';
import { seesWholeBrand } from '../common/access/access-policy';
import { acting, type AgentContext } from '../common/context/agent-context';
import type { MetricsCsvArgs } from './dto/metrics-csv.args';
import type { ReportFilterInput } from './dto/report-filter.input';
import type { ReportRangeInput } from './dto/report-range.input';
import type { StaffingOptionsInput } from './dto/staffing-options.input';
import type { SummaryArgs } from './dto/summary.args';

/**
 * Maps metrics queries to the metrics service. Brand, actor and role always come from the token;
 * every queue and agent id in a filter is checked against the caller's brand first. Agents get
 * their own figures only: their summary is forced to `agentIds: [self]` (the metrics contract's rule).
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async summary(agent: AgentContext, args: SummaryArgs): Promise<SummaryReport> {
    return this.rpc.request(MetricsRpc.Summary, await this.summaryRequest(agent, args));
  }

  async heatmap(
    agent: AgentContext,
    args: { range: ReportRangeInput; filter?: ReportFilterInput },
  ): Promise<Heatmap> {
    const filter = await this.brandFilter(agent, args.filter);

    return this.rpc.request(MetricsRpc.Heatmap, {
      ...acting(agent),
      ...range(args.range),
      ...(filter ? { filter } : {}),
    });
  }

  async staffing(
    agent: AgentContext,
    args: { range: ReportRangeInput; options?: StaffingOptionsInput },
  ): Promise<StaffingAdvice> {
    return this.rpc.request(MetricsRpc.Staffing, await this.staffingRequest(agent, args.range, args.options));
  }

  /** The CSV is the service's, returned untouched; agents may export their own summary only. */
  async csv(
    agent: AgentContext,
    args: MetricsCsvArgs,
  ): Promise<{ filename: string; contentType: string; csv: string }> {
    switch (args.report) {
      case 'summary':
        return this.rpc.request(MetricsRpc.ExportCsv, {
          report: 'summary',
          request: await this.summaryRequest(agent, args),
        });
      case 'heatmap': {
        this.assertManager(agent);
        const filter = await this.brandFilter(agent, args.filter);
        const request = { ...acting(agent), ...range(args.range), ...(filter ? { filter } : {}) };

        return this.rpc.request(MetricsRpc.ExportCsv, { report: 'heatmap', request });
      }
      case 'staffing':
        this.assertManager(agent);

        return this.rpc.request(MetricsRpc.ExportCsv, {
          report: 'staffing',
          request: await this.staffingRequest(agent, args.range, args.staffing),
        });
    }
  }

  settings(agent: AgentContext): Promise<{ slaMinutes: number }> {
    return this.rpc.request(MetricsRpc.GetSettings, acting(agent));
  }

  setSettings(agent: AgentContext, slaMinutes: number): Promise<{ slaMinutes: number }> {
    return this.rpc.request(MetricsRpc.SetSettings, { ...acting(agent), slaMinutes });
  }

  private async summaryRequest(agent: AgentContext, args: SummaryArgs): Promise<SummaryRequest> {
    let filter = await this.brandFilter(agent, args.filter);
    if (!seesWholeBrand(agent)) {
      const asked = filter?.agentIds ?? [];
      if (asked.some((id) => id !== agent.id)) {
        throw new DomainError(ErrorCode.Forbidden, 'agents see their own figures only', {
          reason: 'OWN_FIGURES_ONLY',
        });
      }
      filter = { ...filter, agentIds: [agent.id] };
    }

    return {
      ...acting(agent),
      ...range(args.range),
      ...(filter ? { filter } : {}),
      ...(args.groupBy ? { groupBy: args.groupBy } : {}),
    };
  }

  private async staffingRequest(
    agent: AgentContext,
    r: ReportRangeInput,
    options: StaffingOptionsInput | undefined,
  ): Promise<StaffingRequest> {
    const opts = defined({ ...options });
    await this.scope.assertQueues(agent, opts.queueIds);

    return { ...acting(agent), ...range(r), ...opts };
  }

  private async brandFilter(
    agent: AgentContext,
    input: ReportFilterInput | undefined,
  ): Promise<ReportFilter | undefined> {
    if (!input) return undefined;
    const filter = defined({ ...input });
    await this.scope.assertQueues(agent, filter.queueIds);
    if (seesWholeBrand(agent)) await this.scope.assertAgents(agent, filter.agentIds);

    return Object.keys(filter).length > 0 ? filter : undefined;
  }

  private assertManager(agent: AgentContext): void {
    if (!seesWholeBrand(agent)) {
      throw forbidden('ROLE', 'your role may not do this', { required: ['supervisor', 'admin'] });
    }
  }
}

function range(r: ReportRangeInput): { from: string; to: string; timezone: string } {
  return { from: r.from, to: r.to, timezone: r.timezone };
}
