import type { QueueFieldsFragment } from '../graphql/generated';
import { formatAge } from '../shared/format-time';

export function QueueList(props: {
  queues: readonly QueueFieldsFragment[];
  selected: string | null;
  now: number;
  onSelect: (queueId: string | null) => void;
}) {
  const total = props.queues.reduce((n, q) => n + q.waiting + q.assigned, 0);
  return (
    <nav className="queue-list" aria-label="Queues">
      <h2>Queues</h2>
      <button
        type="button"
        className={`queue-item${props.selected === null ? ' active' : ''}`}
        onClick={() => props.onSelect(null)}
      >
        <span className="queue-name">All open</span>
        <span className="count">{total}</span>
      </button>
      {props.queues.map((q) => (
        <button
          key={q.id}
          type="button"
          className={`queue-item${props.selected === q.id ? ' active' : ''}`}
          onClick={() => props.onSelect(q.id)}
          data-queue={q.name}
        >
          <span className="queue-name">{q.name}</span>
          <span className="count" data-testid="queue-waiting" title="Waiting for an agent">
            {q.waiting}
          </span>
          <span className="queue-meta">
            {q.assigned} assigned
            {q.oldestWaitingSince ? ` · oldest ${formatAge(q.oldestWaitingSince, props.now)}` : ''}
          </span>
        </button>
      ))}
    </nav>
  );
}
