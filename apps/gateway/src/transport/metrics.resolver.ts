import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { MetricsCsvArgs } from '../metrics/dto/metrics-csv.args';
import { MetricsService } from '../metrics/metrics.service';
import { SetMetricsSettingsArgs } from '../metrics/dto/set-metrics-settings.args';
import { StaffingArgs } from '../metrics/dto/staffing.args';
import { HeatmapArgs } from '../metrics/dto/heatmap.args';
import { SummaryArgs } from '../metrics/dto/summary.args';
import { HeatmapGql } from '../metrics/models/heatmap.model';
import { CsvExportGql, MetricsSettingsGql, StaffingAdviceGql } from '../metrics/models/staffing-advice.model';
import { SummaryReportGql } from '../metrics/models/summary-report.model';

/** Reports over the metrics service. Agents: their own summary only; the rest is for supervisors and admins. */
@Resolver()
export class MetricsResolver {
  constructor(private readonly service: MetricsService) {}

  @Query(() => SummaryReportGql, {
    description:
      'Response times (avg and percentiles), SLA, sentiment. Agents get their own conversations only.',
  })
  metricsSummary(@CurrentAgent() agent: AgentContext, @Args() args: SummaryArgs): Promise<SummaryReportGql> {
    return this.service.summary(agent, args);
  }

  @Roles('supervisor', 'admin')
  @Query(() => HeatmapGql, { description: 'Hour-of-week inbound volume (supervisors and admins).' })
  metricsHeatmap(@CurrentAgent() agent: AgentContext, @Args() args: HeatmapArgs): Promise<HeatmapGql> {
    return this.service.heatmap(agent, args);
  }

  @Roles('supervisor', 'admin')
  @Query(() => StaffingAdviceGql, {
    description: 'Erlang C agents needed per hour of week against the schedule.',
  })
  staffingAdvice(
    @CurrentAgent() agent: AgentContext,
    @Args() args: StaffingArgs,
  ): Promise<StaffingAdviceGql> {
    return this.service.staffing(agent, args);
  }

  @Query(() => CsvExportGql, {
    description: 'Any report as CSV. Agents: SUMMARY of their own conversations only.',
  })
  metricsCsv(@CurrentAgent() agent: AgentContext, @Args() args: MetricsCsvArgs): Promise<CsvExportGql> {
    return this.service.csv(agent, args);
  }

  @Roles('supervisor', 'admin')
  @Query(() => MetricsSettingsGql)
  metricsSettings(@CurrentAgent() agent: AgentContext): Promise<MetricsSettingsGql> {
    return this.service.settings(agent);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => MetricsSettingsGql)
  setMetricsSettings(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SetMetricsSettingsArgs,
  ): Promise<MetricsSettingsGql> {
    return this.service.setSettings(agent, args.slaMinutes);
  }
}
