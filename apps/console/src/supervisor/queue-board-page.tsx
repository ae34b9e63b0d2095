import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import type { ConnectionStatus } from '../api/connection-status';
import { QueuesDocument, type QueueFieldsFragment } from '../graphql/generated';
import { useQueueUpdates, type QueueUpdate } from '../inbox/use-queue-updates';
import { ErrorList } from '../shared/error-list';
import { formatAge, formatClock } from '../shared/format-time';
import { useNow } from '../shared/use-now';
import { DepthChart, type DepthPoint } from './depth-chart';
import { applyUpdate, recordDepth } from './queue-board-state';

const FEED_SIZE = 12;

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

  const names = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);
  const totals = queues.reduce((t, q) => ({ waiting: t.waiting + q.waiting, assigned: t.assigned + q.assigned }), { waiting: 0, assigned: 0 });
  const oldest = queues
    .map((q) => q.oldestWaitingSince)
    .filter((s): s is string => s !== null)
    .sort()[0];
  const problems = [...(result.error ? describeApiError(result.error) : []), ...(live.error ? describeApiError(live.error) : [])];

  return (
    <main className="board">
      <header className="board-head">
        <div>
          <h1>Queue board</h1>
          <p className="muted">Live: updates arrive as conversations are routed, assigned and answered.</p>
        </div>
        <div className="kpis">
          <div className="kpi">
            <span className="kpi-value" data-testid="total-waiting">{totals.waiting}</span>
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
                <span className="big" data-testid="board-waiting">{q.waiting}</span>
                <span className="muted">waiting</span>
              </div>
              <div>
                <span className="big" data-testid="board-assigned">{q.assigned}</span>
                <span className="muted">assigned</span>
              </div>
              <div>
                <span className={`big${q.oldestWaitingSince ? ' warn' : ''}`}>{q.oldestWaitingSince ? formatAge(q.oldestWaitingSince, now) : '—'}</span>
                <span className="muted">oldest waiting</span>
              </div>
            </div>
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
                  <time dateTime={u.at}>{formatClock(u.at)}</time>
                  <span>{REASON_LABEL[u.reason]}</span>
                  <span className="muted">{names.get(u.queueId) ?? u.queueId}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
    </main>
  );
}
