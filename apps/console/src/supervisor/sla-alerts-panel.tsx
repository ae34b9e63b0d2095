import { useState } from 'react';
import { useSubscription } from 'urql';
import { describeApiError } from '../api/api-error';
import { SlaAlertsDocument, type SlaAlertsSubscription } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { formatClock, useAgentTimeZone } from '../shared/format-time';
import { routePath, useRoute } from '../shared/use-route';

type SlaAlert = SlaAlertsSubscription['slaAlerts'];

const KEEP = 20;

const KIND_LABEL: Record<SlaAlert['kind'], string> = { WARNING: 'SLA warning', BREACH: 'SLA breached' };
const ACTION_LABEL: Record<SlaAlert['action'], string> = {
  PRIORITY_RAISED: 'priority raised',
  REASSIGNED: 'reassigned',
  ESCALATED: 'escalated',
  NONE: 'no automatic action',
};

/**
 * SLA warnings and breaches as routing raises them (`slaAlerts`, supervisors only), newest first,
 * each linking to its conversation. Alerts are not stored: the list starts when the page opens.
 */
export function SlaAlertsPanel({ queueName }: { queueName: (id: string) => string }) {
  const tz = useAgentTimeZone();
  const { navigate } = useRoute();
  const [alerts, setAlerts] = useState<SlaAlert[]>([]);
  const [{ error }] = useSubscription(
    { query: SlaAlertsDocument, variables: {} },
    (_prev: undefined, data) => {
      setAlerts((a) =>
        [
          data.slaAlerts,
          ...a.filter(
            (x) => !(x.conversationId === data.slaAlerts.conversationId && x.kind === data.slaAlerts.kind),
          ),
        ].slice(0, KEEP),
      );
      return undefined;
    },
  );

  return (
    <div className="panel">
      <h2>SLA alerts</h2>
      {error ? <ErrorList problems={describeApiError(error)} /> : null}
      {alerts.length === 0 ? (
        <p className="muted">No SLA warnings since this page opened.</p>
      ) : (
        <ol className="feed" data-testid="sla-alerts" aria-live="polite">
          {alerts.map((a) => (
            <li
              key={`${a.kind}-${a.conversationId}`}
              className={a.kind === 'BREACH' ? 'alert-breach' : 'alert-warning'}
              data-kind={a.kind}
            >
              <time dateTime={a.at}>{formatClock(a.at, tz)}</time>
              <strong>{KIND_LABEL[a.kind]}</strong>
              <span>{ACTION_LABEL[a.action]}</span>
              <span className="muted">{queueName(a.currentQueueId)}</span>
              <a
                href={routePath({ name: 'inbox', conversationId: a.conversationId, queueId: null })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'inbox', conversationId: a.conversationId, queueId: null });
                }}
              >
                Open conversation
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
