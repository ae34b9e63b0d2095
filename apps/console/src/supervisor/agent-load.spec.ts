import type { AgentLoadQuery, MetricsSummaryQuery } from '../graphql/generated';
import { agentLoadRows } from './agent-load';
import { toDailyPoints } from './percentile-charts';

type Row = MetricsSummaryQuery['metricsSummary']['rows'][number];

const dist = (p50: number | null) => ({ count: p50 === null ? 0 : 1, avg: p50, p50, p90: p50, p99: p50 });
const row = (key: string, over: Partial<Row> = {}): Row => ({
  key,
  conversations: 2,
  inbound: 3,
  answered: 1,
  unresolved: 1,
  responseRate: 0.5,
  firstResponseSeconds: dist(90),
  handleSeconds: dist(600),
  sla: { attainment: 0.5, eligible: 2, met: 1 },
  ...over,
});

describe('per-agent load', () => {
  it('counts open conversations per assignee and joins the period’s figures by agent id', () => {
    const open: AgentLoadQuery = {
      conversations: {
        totalCount: 3,
        edges: [
          {
            node: { id: 'c1', status: 'ASSIGNED', assignee: { id: 'a1', name: 'Alice' }, queue: { id: 'q' } },
          },
          {
            node: { id: 'c2', status: 'ASSIGNED', assignee: { id: 'a1', name: 'Alice' }, queue: { id: 'q' } },
          },
          { node: { id: 'c3', status: 'WAITING', assignee: null, queue: { id: 'q' } } },
          {
            node: { id: 'c4', status: 'RESOLVED', assignee: { id: 'a2', name: 'Bruno' }, queue: { id: 'q' } },
          },
        ],
      },
    };
    const rows = agentLoadRows(open, [row('a2', { answered: 7 }), row('a1', { answered: 3 })]);
    expect(rows.map((r) => [r.name, r.open, r.answered])).toEqual([
      ['Alice', 2, 3],
      ['Bruno', 0, 7],
    ]);
  });
});

describe('daily chart points', () => {
  it('orders days, turns attainment into percent and seconds into minutes, keeps gaps as null', () => {
    const points = toDailyPoints([
      row('2026-03-11', { firstResponseSeconds: dist(null), sla: { attainment: null, eligible: 0, met: 0 } }),
      row('2026-03-10'),
    ]);
    expect(points.map((p) => [p.day, p.sla, p.p50])).toEqual([
      ['2026-03-10', 50, 1.5],
      ['2026-03-11', null, null],
    ]);
  });
});
