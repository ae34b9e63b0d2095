import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import type { ConnectionStatus } from '../api/connection-status';
import { AgentsDocument, QueuesDocument, type QueueFieldsFragment } from '../graphql/generated';
import { useDebounced, useQueueUpdates, type QueueUpdate } from '../inbox/use-queue-updates';
import { ErrorList } from '../shared/error-list';
import { formatAge, formatClock, useAgentTimeZone } from '../shared/format-time';
import { useNow } from '../shared/use-now';
import { DepthChart, type DepthPoint } from './depth-chart';
import { applyUpdate, recordDepth } from './queue-board-state';
import { formatDuration } from './report-range';
import { SlaAlertsPanel } from './sla-alerts-panel';
import { useWaitTimes, type WaitTime } from './use-wait-times';

const FEED_SIZE = 12;
/** Wait estimates arrive one per queue: their agent refetches are coalesced into one per this long. */
const AGENTS_REFETCH_MS = 1_000;

const REASON_LABEL: Record<QueueUpdate['reason'], string> = {
  CONVERSATION_ROUTED: 'New conversation routed',
  CONVERSATION_ASSIGNED: 'Assigned to an agent',
  CONVERSATION_UPDATED: 'Conversation updated',
  MESSAGE_SENT: 'Reply sent',
  SNAPSHOT: 'Snapshot',
};

/**
 * The supervisor's live board: depth and oldest wait per queue, straight from the pushes (each
 * carries the queue's new counts, so no refetch per event), a depth chart since the page opened,
 * and the latest activity. After a reconnect the board refetches, since pushes were missed.
 */
export function QueueBoardPage({ status }: { status: ConnectionStatus }) {
  const tz = useAgentTimeZone();
  const now = useNow(2_000);
  const [result, refetch] = useQuery({ query: QueuesDocument });
  const [queues, setQueues] = useState<QueueFieldsFragment[]>([]);
  const [series, setSeries] = useState<DepthPoint[]>([]);
  const [feed, setFeed] = useState<QueueUpdate[]>([]);

  useEffect(() => {
    if (!result.data) return;
    const fresh = result.data.queues;
    setQueues(fresh);
    setSeries((s) => recordDepth(s, fresh, Date.now()));
  }, [result.data]);

  const live = useQueueUpdates({
    status,
    onUpdate: (u) => {
      setQueues((qs) => {
        const next = applyUpdate(qs, u);
        setSeries((s) => recordDepth(s, next, Date.parse(u.at)));
        return next;
      });
      if (u.reason !== 'SNAPSHOT') setFeed((f) => [u, ...f].slice(0, FEED_SIZE));
    },
    onResync: () => refetch({ requestPolicy: 'network-only' }),
  });

  // Agents online per queue and language: the brand's agents, refetched when wait estimates land
  // (metrics recomputes them every few minutes, one per queue: one refetch per burst); no timer.
  const [agents, refetchAgents] = useQuery({ query: AgentsDocument });
  const onlineByQueue = useMemo(() => onlineLanguages(agents.data?.agents ?? []), [agents.data]);
  const refetchAgentsSoon = useDebounced(
    () => refetchAgents({ requestPolicy: 'network-only' }),
    AGENTS_REFETCH_MS,
  );
  const waits = useWaitTimes(refetchAgentsSoon);
  const names = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);
  const totals = queues.reduce(
    (t, q) => ({ waiting: t.waiting + q.waiting, assigned: t.assigned + q.assigned }),
    { waiting: 0, assigned: 0 },
  );
  const oldest = queues
    .map((q) => q.oldestWaitingSince)
    .filter((s): s is string => s !== null)
    .sort()[0];
  const problems = [
    ...(result.error ? describeApiError(result.error) : []),
    ...(live.error ? describeApiError(live.error) : []),
    ...(waits.error ? describeApiError(waits.error) : []),
    ...(agents.error ? describeApiError(agents.error) : []),
  ];
  const online = [...waits.byQueue.values()].reduce((n, w) => Math.max(n, w.agentsOnline), 0);

  return (
    <main className="board">
      <header className="board-head">
        <div>
          <h1>Queue board</h1>
          <p className="muted">Live: updates arrive as conversations are routed, assigned and answered.</p>
        </div>
        <div className="kpis">
          <div className="kpi">
            <span className="kpi-value" data-testid="total-waiting">
              {totals.waiting}
            </span>
            <span className="kpi-label">waiting</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{totals.assigned}</span>
            <span className="kpi-label">assigned</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{oldest ? formatAge(oldest, now) : '—'}</span>
            <span className="kpi-label">longest wait</span>
          </div>
          <div className="kpi">
            <span className="kpi-value" data-testid="agents-online-max">
              {waits.byQueue.size > 0 ? online : '—'}
            </span>
            <span className="kpi-label">agents online (busiest queue)</span>
          </div>
        </div>
      </header>
      <ErrorList problems={problems} />
      <section className="queue-cards" aria-label="Queues">
        {queues.map((q) => (
          <article key={q.id} className="queue-card" data-queue={q.name}>
            <header>
              <h2>{q.name}</h2>
              <span className="badge team">{q.team.toLowerCase()}</span>
            </header>
            <div className="queue-numbers">
              <div>
                <span className="big" data-testid="board-waiting">
                  {q.waiting}
                </span>
                <span className="muted">waiting</span>
              </div>
              <div>
                <span className="big" data-testid="board-assigned">
                  {q.assigned}
                </span>
                <span className="muted">assigned</span>
              </div>
              <div>
                <span className={`big${q.oldestWaitingSince ? ' warn' : ''}`}>
                  {q.oldestWaitingSince ? formatAge(q.oldestWaitingSince, now) : '—'}
                </span>
                <span className="muted">oldest waiting</span>
              </div>
            </div>
            <WaitLine wait={waits.byQueue.get(q.id)} />
            <LanguageLine languages={onlineByQueue.get(q.id)} />
          </article>
        ))}
      </section>
      <section className="board-lower">
        <div className="panel">
          <h2>Open conversations per queue</h2>
          <DepthChart points={series} queues={queues} />
        </div>
        <div className="panel">
          <h2>Live activity</h2>
          {feed.length === 0 ? (
            <p className="muted">Waiting for the next event…</p>
          ) : (
            <ol className="feed" data-testid="activity-feed">
              {feed.map((u, i) => (
                <li key={`${u.at}-${i}`}>
                  <time dateTime={u.at}>{formatClock(u.at, tz)}</time>
                  <span>{REASON_LABEL[u.reason]}</span>
                  <span className="muted">{names.get(u.queueId) ?? u.queueId}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <SlaAlertsPanel queueName={(id) => names.get(id) ?? id} />
      </section>
    </main>
  );
}

/** Online agents per queue, counted once per language they read: `queueId → language → count`. */
export function onlineLanguages(
  agents: ReadonlyArray<{ status: string; queueIds: readonly string[]; languages: readonly string[] }>,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const a of agents) {
    if (a.status !== 'ONLINE') continue;
    for (const q of a.queueIds) {
      const byLang = out.get(q) ?? new Map<string, number>();
      for (const lang of a.languages) byLang.set(lang, (byLang.get(lang) ?? 0) + 1);
      out.set(q, byLang);
    }
  }

  return out;
}

function LanguageLine({ languages }: { languages: Map<string, number> | undefined }) {
  const entries = [...(languages ?? new Map<string, number>())].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );

  return (
    <p className="muted online-languages" data-testid="board-online-languages">
      {entries.length === 0
        ? 'No agent online'
        : `Online by language: ${entries.map(([lang, n]) => `${lang} ${n}`).join(' · ')}`}
    </p>
  );
}

/** Expected wait and agents online: from `waitTimeUpdated`, absent until metrics' first estimate. */
function WaitLine({ wait }: { wait: WaitTime | undefined }) {
  return (
    <div className="queue-numbers secondary">
      <div>
        <span className="mid" data-testid="board-expected-wait">
          {wait ? formatDuration(wait.expectedWaitSeconds) : '—'}
        </span>
        <span className="muted">expected wait</span>
      </div>
      <div>
        <span className="mid" data-testid="board-agents-online">
          {wait ? wait.agentsOnline : '—'}
        </span>
        <span className="muted">agents online</span>
      </div>
      <div>
        <span className="mid">{wait ? formatDuration(wait.handleTimeSeconds) : '—'}</span>
        <span className="muted">handle time</span>
      </div>
    </div>
  );
}
