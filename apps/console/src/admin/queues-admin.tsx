import { useState } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import { QueueConfigsDocument, type QueueConfigFieldsFragment } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { useAgentTimeZone } from '../shared/format-time';
import { DAY_NAMES } from '../supervisor/report-range';
import { hoursSummary, minutesInWords, queueDraft } from './queue-draft';
import { QueueForm } from './queue-form';

const STRATEGY = { LEAST_LOADED: 'Least loaded', ROUND_ROBIN: 'Round robin' } as const;

/** Queues of the brand: hours, SLA, routing behaviour. New queues start in the supervisor's own zone. */
export function QueuesAdmin() {
  const tz = useAgentTimeZone();
  const [{ data, error }, refetch] = useQuery({ query: QueueConfigsDocument });
  const queues = data?.queueConfigs ?? [];
  const [editing, setEditing] = useState<QueueConfigFieldsFragment | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const name = (id: string | null) => queues.find((q) => q.id === id)?.name ?? '—';

  return (
    <div className="admin-section">
      <h1>Queues</h1>
      {error ? <ErrorList problems={describeApiError(error)} /> : null}
      <table className="table" data-testid="queues">
        <thead>
          <tr>
            <th>Name</th>
            <th>Team</th>
            <th>Business hours</th>
            <th>SLA</th>
            <th>Strategy</th>
            <th>Reopen window</th>
            <th>Lock</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.id} data-queue={q.name}>
              <td>{q.name}</td>
              <td>{q.team === 'CARE' ? 'Care' : 'Sales'}</td>
              <td data-testid="queue-hours">
                {hoursSummary(q.businessHours, DAY_NAMES)} <small className="muted">({q.timezone})</small>
              </td>
              <td>
                {q.slaTargets.length === 0
                  ? 'Brand default'
                  : q.slaTargets.map((t) => `P${t.minPriority}+ ${t.minutes} min`).join(', ')}
                {q.slaBreachAction === 'ESCALATE'
                  ? ` → ${name(q.escalationQueueId)}`
                  : q.slaBreachAction === 'REASSIGN'
                    ? ' → reassign'
                    : ''}
              </td>
              <td>{STRATEGY[q.strategy]}</td>
              <td data-testid="queue-reopen">{minutesInWords(q.reopenWindowMinutes)}</td>
              <td data-testid="queue-lock">{q.hardLock ? 'Hard lock' : '—'}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`Edit queue ${q.name}`}
                  onClick={() => setEditing(q)}
                >
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved ? (
        <p className="sent-note" role="status">
          Saved {saved}
        </p>
      ) : null}
      {editing ? (
        <QueueForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={queueDraft(editing === 'new' ? null : editing, tz)}
          queues={queues}
          onCancel={() => setEditing(null)}
          onSaved={(q) => {
            setEditing(null);
            setSaved(q.name);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        <div className="inline-form">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            New queue
          </button>
        </div>
      )}
    </div>
  );
}
