import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsSummaryQuery } from '../graphql/generated';
import { formatDuration } from './report-range';

/*
 * Charts use recharts (already the board's library): declarative React components over SVG, typed,
 * actively maintained and widely used, so the console needs no imperative chart wrapper; it stays in
 * the lazily loaded supervisor chunks, so agents never download it.
 */

type Row = MetricsSummaryQuery['metricsSummary']['rows'][number];

const minutes = (s: number | null): number | null => (s === null ? null : Math.round((s / 60) * 10) / 10);

/** Rows grouped by local DAY: SLA attainment and first-response percentiles per day. */
export function toDailyPoints(rows: readonly Row[]) {
  return [...rows]
    .filter((r) => r.key !== null)
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    .map((r) => ({
      day: r.key ?? '',
      sla: r.sla.attainment === null ? null : Math.round(r.sla.attainment * 1000) / 10,
      p50: minutes(r.firstResponseSeconds.p50),
      p90: minutes(r.firstResponseSeconds.p90),
      p99: minutes(r.firstResponseSeconds.p99),
      conversations: r.conversations,
    }));
}

const axis = { fontSize: 11, stroke: '#6b7280' };

export function SlaChart({ rows, slaMinutes }: { rows: readonly Row[]; slaMinutes: number }) {
  const points = toDailyPoints(rows);
  if (points.length === 0) return <p className="muted">No conversations in this range yet.</p>;
  return (
    <div className="chart" data-testid="sla-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="day" {...axis} />
          <YAxis domain={[0, 100]} unit="%" {...axis} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            dataKey="sla"
            name={`Answered within ${slaMinutes} min`}
            stroke="#0f766e"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function FirstResponseChart({ rows }: { rows: readonly Row[] }) {
  const points = toDailyPoints(rows);
  if (points.length === 0) return <p className="muted">No answered conversations in this range yet.</p>;
  return (
    <div className="chart" data-testid="first-response-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="day" {...axis} />
          <YAxis unit="m" {...axis} />
          <Tooltip formatter={(v) => (v === null ? '—' : formatDuration(Number(v) * 60))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            dataKey="p50"
            name="p50"
            stroke="#2563eb"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="p90"
            name="p90"
            stroke="#d97706"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="p99"
            name="p99"
            stroke="#db2777"
            strokeWidth={2}
            strokeDasharray="4 3"
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
