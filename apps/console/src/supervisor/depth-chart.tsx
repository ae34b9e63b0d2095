import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QueueFieldsFragment } from '../graphql/generated';
import { formatClockSeconds, useAgentTimeZone } from '../shared/format-time';
import type { DepthSample } from './queue-board-state';

export type DepthPoint = DepthSample;

const COLORS = ['#0f766e', '#7c3aed', '#d97706', '#2563eb', '#db2777', '#65a30d'];

export function DepthChart({
  points,
  queues,
}: {
  points: readonly DepthPoint[];
  queues: readonly QueueFieldsFragment[];
}) {
  const tz = useAgentTimeZone();
  if (points.length === 0) return <p className="muted">No data yet.</p>;
  return (
    <div className="chart" data-testid="depth-chart">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            scale="time"
            tickFormatter={(t: number) => formatClockSeconds(t, tz)}
            minTickGap={48}
            fontSize={11}
            stroke="#6b7280"
          />
          <YAxis allowDecimals={false} fontSize={11} stroke="#6b7280" />
          <Tooltip labelFormatter={(t) => formatClockSeconds(Number(t), tz)} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          {queues.map((q, i) => (
            <Line
              key={q.id}
              dataKey={q.id}
              name={q.name}
              type="stepAfter"
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
