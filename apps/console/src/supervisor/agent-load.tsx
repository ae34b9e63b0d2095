import type { AgentLoadQuery, MetricsSummaryQuery } from '../graphql/generated';
import { formatDuration } from './report-range';

type Row = MetricsSummaryQuery['metricsSummary']['rows'][number];

export interface AgentLoadRow {
  agentId: string;
  name: string;
  open: number;
  answered: number;
  firstResponseP50: number | null;
  handleP50: number | null;
}

/** Open (assigned) conversations per assignee now, joined with the range's per-agent figures. */
export function agentLoadRows(open: AgentLoadQuery | undefined, perAgent: readonly Row[]): AgentLoadRow[] {
  const rows = new Map<string, AgentLoadRow>();
  const row = (agentId: string, name?: string): AgentLoadRow => {
    const r = rows.get(agentId) ?? {
      agentId,
      name: name ?? `Agent ${agentId.slice(0, 8)}`,
      open: 0,
      answered: 0,
      firstResponseP50: null,
      handleP50: null,
    };
    if (name) r.name = name;
    rows.set(agentId, r);
    return r;
  };
  for (const e of open?.conversations.edges ?? []) {
    if (!e.node.assignee) continue;
    const r = row(e.node.assignee.id, e.node.assignee.name);
    if (e.node.status === 'ASSIGNED') r.open += 1;
  }
  for (const r of perAgent) {
    if (!r.key) continue;
    const a = row(r.key);
    a.answered = r.answered;
    a.firstResponseP50 = r.firstResponseSeconds.p50;
    a.handleP50 = r.handleSeconds.p50;
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || b.answered - a.answered);
}

export function AgentLoadTable({ rows }: { rows: readonly AgentLoadRow[] }) {
  if (rows.length === 0) return <p className="muted">Nobody holds a conversation right now.</p>;
  const max = Math.max(1, ...rows.map((r) => r.open));
  return (
    <table className="table" data-testid="agent-load">
      <thead>
        <tr>
          <th>Agent</th>
          <th>Open now</th>
          <th>Answered</th>
          <th>First response p50</th>
          <th>Handle p50</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.agentId} data-agent={r.name}>
            <td>{r.name}</td>
            <td>
              <span className="load-bar" style={{ width: `${(r.open / max) * 60}px` }} aria-hidden="true" />
              <span data-testid="agent-open">{r.open}</span>
            </td>
            <td>{r.answered}</td>
            <td>{formatDuration(r.firstResponseP50)}</td>
            <td>{formatDuration(r.handleP50)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
