import type { MetricsHeatmapQuery } from '../graphql/generated';
import { DAY_NAMES } from './report-range';

type Heatmap = MetricsHeatmapQuery['metricsHeatmap'];

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Inbound volume per hour of week (agent's timezone), darker = busier; the current hour is outlined. */
export function HeatmapGrid({ heatmap, now }: { heatmap: Heatmap; now: { day: number; hour: number } }) {
  const counts = new Map(heatmap.cells.map((c) => [`${c.day}-${c.hour}`, c.inbound]));
  const max = Math.max(1, ...heatmap.cells.map((c) => c.inbound));
  return (
    <div className="heatmap" data-testid="heatmap" role="table" aria-label="Inbound volume per hour of week">
      <div className="heatmap-row heatmap-hours" role="row">
        <span role="columnheader" />
        {HOURS.map((h) => (
          <span key={h} role="columnheader" className="heatmap-hour">
            {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
          </span>
        ))}
      </div>
      {DAY_NAMES.map((name, i) => {
        const day = i + 1;
        return (
          <div key={name} className="heatmap-row" role="row">
            <span role="rowheader" className="heatmap-day">
              {name}
            </span>
            {HOURS.map((hour) => {
              const n = counts.get(`${day}-${hour}`) ?? 0;
              const current = now.day === day && now.hour === hour;
              return (
                <span
                  key={hour}
                  role="cell"
                  className={`heatmap-cell${current ? ' now' : ''}`}
                  data-day={day}
                  data-hour={hour}
                  data-count={n}
                  title={`${name} ${String(hour).padStart(2, '0')}:00: ${n} inbound (${(n / Math.max(heatmap.weeks, 1)).toFixed(1)} per week)`}
                  style={{
                    backgroundColor: n === 0 ? undefined : `rgba(15, 118, 110, ${0.12 + 0.88 * (n / max)})`,
                  }}
                >
                  {n > 0 ? n : ''}
                </span>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
