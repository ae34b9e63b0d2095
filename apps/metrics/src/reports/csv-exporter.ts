import { Injectable } from '@nestjs/common';
import type { RpcRequest, RpcResponse, MetricsRpc, SummaryRow } from '@roost/contracts';
import { StaffingService } from '../staffing/staffing.service';
import { toCsv } from './csv';
import { ReportsService } from './reports.service';

type ExportRequest = RpcRequest<typeof MetricsRpc.ExportCsv>;
type ExportResponse = RpcResponse<typeof MetricsRpc.ExportCsv>;

const SUMMARY_HEADER = [
  'key',
  'conversations',
  'inbound',
  'answered',
  'response_rate',
  'frt_count',
  'frt_avg_s',
  'frt_p50_s',
  'frt_p90_s',
  'frt_p99_s',
  'frt_max_s',
  'resolution_count',
  'resolution_avg_s',
  'resolution_p50_s',
  'resolution_p90_s',
  'resolution_p99_s',
  'resolution_max_s',
  'handle_count',
  'handle_avg_s',
  'handle_p50_s',
  'handle_p90_s',
  'handle_p99_s',
  'handle_max_s',
  'sla_eligible',
  'sla_met',
  'sla_attainment',
  'unresolved',
  'negative',
  'neutral',
  'positive',
  'sentiment_improved',
  'sentiment_worsened',
  'sentiment_unchanged',
  'avg_score_delta',
];

function summaryLine(key: string, r: SummaryRow): unknown[] {
  const d = (x: SummaryRow['firstResponseSeconds']) => [x.count, x.avg, x.p50, x.p90, x.p99, x.max];

  return [
    key,
    r.conversations,
    r.inbound,
    r.answered,
    r.responseRate,
    ...d(r.firstResponseSeconds),
    ...d(r.resolutionSeconds),
    ...d(r.handleSeconds),
    r.sla.eligible,
    r.sla.met,
    r.sla.attainment,
    r.unresolved,
    r.sentiment.negative,
    r.sentiment.neutral,
    r.sentiment.positive,
    r.sentimentChange.improved,
    r.sentimentChange.worsened,
    r.sentimentChange.unchanged,
    r.sentimentChange.avgScoreDelta,
  ];
}

/** Any report as CSV: the same query (and the same authorisation) as the report itself. */
@Injectable()
export class CsvExporter {
  constructor(
    private readonly reports: ReportsService,
    private readonly staffing: StaffingService,
  ) {}

  async export(r: ExportRequest): Promise<ExportResponse> {
    switch (r.report) {
      case 'summary': {
        const s = await this.reports.summary(r.request);
        const rows = [...s.rows.map((x) => summaryLine(x.key ?? '', x)), summaryLine('total', s.total)];

        return this.file(`summary-${s.groupBy}`, toCsv(SUMMARY_HEADER, rows));
      }
      case 'heatmap': {
        const h = await this.reports.heatmap(r.request);

        return this.file(
          'heatmap',
          toCsv(
            ['day', 'hour', 'inbound', 'mean_per_week'],
            h.cells.map((c) => [c.day, c.hour, c.inbound, h.weeks > 0 ? c.inbound / h.weeks : null]),
          ),
        );
      }
      case 'staffing': {
        const a = await this.staffing.advise(r.request);
        const header = [
          'day',
          'hour',
          'arrivals_per_hour',
          'traffic_erlangs',
          'agents_needed',
          'scheduled',
          'gap',
          'scheduled_service_level',
        ];

        return this.file(
          'staffing',
          toCsv(
            header,
            a.hours.map((h) => [
              h.day,
              h.hour,
              h.arrivals,
              h.trafficErlangs,
              h.agentsNeeded,
              h.scheduled,
              h.gap,
              h.scheduledServiceLevel,
            ]),
          ),
        );
      }
    }
  }

  private file(name: string, csv: string): ExportResponse {
    return { filename: `${name}.csv`, contentType: 'text/csv', csv };
  }
}
