import { useMemo } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import type { ConnectionStatus } from '../api/connection-status';
import {
  AgentLoadDocument,
  MetricsHeatmapDocument,
  MetricsSummaryDocument,
  StaffingAdviceDocument,
} from '../graphql/generated';
import { useDebounced, useQueueUpdates } from '../inbox/use-queue-updates';
import { ErrorList } from '../shared/error-list';
import { useAgentTimeZone } from '../shared/format-time';
import { useNow } from '../shared/use-now';
import { AgentLoadTable, agentLoadRows } from './agent-load';
import { CsvExport } from './csv-export';
import { HeatmapGrid } from './heatmap';
import { FirstResponseChart, SlaChart } from './percentile-charts';
import { formatDuration, hourOfWeek, lastDays, localDate } from './report-range';
import { StaffingPanel } from './staffing-panel';
import { useWaitTimes } from './use-wait-times';

/** Trend charts cover two weeks; the heatmap and staffing four, so every hour of week has history. */
const TREND_DAYS = 14;
const HISTORY_DAYS = 28;
/** Live refresh: a burst of queue and wait pushes becomes at most one refetch per this period. */
const LIVE_REFRESH_MS = 2_000;

/**
 * Whether the team keeps its promise and where it is short. The heatmap and per-agent load are
 * live: `queueUpdated` and `waitTimeUpdated` pushes trigger a throttled refetch (no timer loop);
 * after a reconnect everything is refetched, since pushes were missed.
 */
export function InsightsPage({ status }: { status: ConnectionStatus }) {
  const tz = useAgentTimeZone();
  const now = useNow(60_000);
  const day = localDate(new Date(now), tz); // ranges move at the agent's midnight, not every minute
  const trend = useMemo(() => lastDays(TREND_DAYS, new Date(), tz), [tz, day]);
  const history = useMemo(() => lastDays(HISTORY_DAYS, new Date(), tz), [tz, day]);

  const [daily, refetchDaily] = useQuery({
    query: MetricsSummaryDocument,
    variables: { range: trend, groupBy: 'DAY' },
  });
  const [perAgent, refetchPerAgent] = useQuery({
    query: MetricsSummaryDocument,
    variables: { range: trend, groupBy: 'AGENT' },
  });
  const [heatmap, refetchHeatmap] = useQuery({
    query: MetricsHeatmapDocument,
    variables: { range: history },
  });
  const [staffing, refetchStaffing] = useQuery({
    query: StaffingAdviceDocument,
    variables: { range: history },
  });
  const [load, refetchLoad] = useQuery({ query: AgentLoadDocument, variables: { first: 100 } });

  const liveRefresh = useDebounced(() => {
    refetchHeatmap({ requestPolicy: 'network-only' });
    refetchLoad({ requestPolicy: 'network-only' });
  }, LIVE_REFRESH_MS);
  const live = useQueueUpdates({
    status,
    onUpdate: () => liveRefresh(),
    onResync: () => {
      for (const r of [refetchDaily, refetchPerAgent, refetchHeatmap, refetchStaffing, refetchLoad])
        r({ requestPolicy: 'network-only' });
    },
  });
  const waits = useWaitTimes(() => liveRefresh());

  const s = daily.data?.metricsSummary;
  const rows = useMemo(
    () => agentLoadRows(load.data, perAgent.data?.metricsSummary.rows ?? []),
    [load.data, perAgent.data],
  );
  const problems = [daily, perAgent, heatmap, staffing, load]
    .flatMap((r) => (r.error ? describeApiError(r.error) : []))
    .concat(live.error ? describeApiError(live.error) : [], waits.error ? describeApiError(waits.error) : []);

  return (
    <main className="board insights">
      <header className="board-head">
        <div>
          <h1>Insights</h1>
          <p className="muted">
            Last {TREND_DAYS} days in {tz}. The heatmap and agent load update live.
          </p>
        </div>
        <div className="kpis">
          <div className="kpi">
            <span className="kpi-value">
              {s && s.total.sla.attainment !== null ? `${Math.round(s.total.sla.attainment * 100)}%` : '—'}
            </span>
            <span className="kpi-label">within SLA ({s?.slaDefaultMinutes ?? '…'} min)</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatDuration(s?.total.firstResponseSeconds.p50)}</span>
            <span className="kpi-label">first response p50</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatDuration(s?.total.firstResponseSeconds.p90)}</span>
            <span className="kpi-label">first response p90</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{s?.total.conversations ?? '—'}</span>
            <span className="kpi-label">conversations</span>
          </div>
        </div>
      </header>
      <ErrorList problems={problems} />
      <section className="board-lower even">
        <div className="panel">
          <h2>SLA attainment per day</h2>
          {s ? (
            <SlaChart rows={s.rows} slaMinutes={s.slaDefaultMinutes} />
          ) : (
            <p className="muted">Loading…</p>
          )}
        </div>
        <div className="panel">
          <h2>First response percentiles per day</h2>
          {s ? <FirstResponseChart rows={s.rows} /> : <p className="muted">Loading…</p>}
        </div>
      </section>
      <section className="panel">
        <h2>Inbound per hour of week (last {HISTORY_DAYS} days)</h2>
        {heatmap.data ? (
          <HeatmapGrid heatmap={heatmap.data.metricsHeatmap} now={hourOfWeek(new Date(now), tz)} />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      <section className="board-lower">
        <div className="panel">
          <h2>Staffing advice against scheduled shifts</h2>
          {staffing.data ? (
            <StaffingPanel advice={staffing.data.staffingAdvice} />
          ) : (
            <p className="muted">Loading…</p>
          )}
        </div>
        <div className="panel">
          <h2>Per-agent load</h2>
          <AgentLoadTable rows={rows} />
          <h2 className="spaced">Export</h2>
          <CsvExport range={trend} />
        </div>
      </section>
    </main>
  );
}
