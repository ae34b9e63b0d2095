import type { StaffingAdviceQuery } from '../graphql/generated';
import { DAY_NAMES, formatDuration } from './report-range';

type Advice = StaffingAdviceQuery['staffingAdvice'];

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;
const SOURCE: Record<Advice['scheduledSource'], string> = {
  ROUTING_SHIFTS: 'agents’ shifts',
  REQUEST: 'the requested schedule',
  UNKNOWN: 'no schedule (set agents’ shifts in Settings)',
};

/**
 * Erlang C advice per hour of week against who is scheduled: each cell shows agents needed and
 * scheduled; short hours are red, the worst listed below.
 */
export function StaffingPanel({ advice }: { advice: Advice }) {
  const byKey = new Map(advice.hours.map((h) => [`${h.day}-${h.hour}`, h]));
  return (
    <div className="staffing">
      <p className="muted small-text">
        {Math.round(advice.serviceLevel * 100)}% answered within {formatDuration(advice.targetSeconds)},{' '}
        {advice.concurrency} at once per agent, handle time {formatDuration(advice.handleSeconds)} (
        {advice.handleSource.toLowerCase()}); scheduled from {SOURCE[advice.scheduledSource]}.
      </p>
      <div
        className="heatmap staffing-grid"
        data-testid="staffing-grid"
        role="table"
        aria-label="Agents needed and scheduled per hour of week"
      >
        <div className="heatmap-row heatmap-hours" role="row">
          <span role="columnheader" />
          {HOURS.map((h) => (
            <span key={h} role="columnheader" className="heatmap-hour">
              {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
            </span>
          ))}
        </div>
        {DAY_NAMES.map((name, i) => (
          <div key={name} className="heatmap-row" role="row">
            <span role="rowheader" className="heatmap-day">
              {name}
            </span>
            {HOURS.map((hour) => {
              const h = byKey.get(`${i + 1}-${hour}`);
              const short = h?.gap !== null && h?.gap !== undefined && h.gap < 0;
              return (
                <span
                  key={hour}
                  role="cell"
                  className={`heatmap-cell staffing-cell${short ? ' short' : h && h.agentsNeeded > 0 ? ' covered' : ''}`}
                  data-gap={h?.gap ?? ''}
                  title={
                    h
                      ? `${name} ${hh(hour)}: ${h.arrivals.toFixed(1)} arrivals, ${h.agentsNeeded} needed, ${h.scheduled ?? '?'} scheduled`
                      : ''
                  }
                >
                  {h && h.agentsNeeded > 0 ? `${h.agentsNeeded}/${h.scheduled ?? '?'}` : ''}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      <h3>Shortfalls</h3>
      {advice.shortfalls.length === 0 ? (
        <p className="muted small-text" data-testid="no-shortfalls">
          {advice.scheduledSource === 'UNKNOWN'
            ? 'Without a schedule, gaps cannot be computed.'
            : 'Every hour is covered.'}
        </p>
      ) : (
        <ol className="shortfalls" data-testid="shortfalls">
          {advice.shortfalls.slice(0, 8).map((s) => (
            <li key={`${s.day}-${s.hour}`}>
              <strong>
                {DAY_NAMES[s.day - 1]} {hh(s.hour)}
              </strong>{' '}
              <span className="gap">
                {s.gap} agent{s.gap === -1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
