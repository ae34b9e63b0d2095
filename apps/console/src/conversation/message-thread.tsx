import type { MessageFieldsFragment } from '../graphql/generated';
import { formatClock, useAgentTimeZone } from '../shared/format-time';

const STATUS_LABEL = { PENDING: 'Sending…', SENT: 'Sent', FAILED: 'Failed to send', RECEIVED: '' } as const;
/** X compliance removed the text: say why instead. */
const REDACTED_LABEL = {
  DELETED_BY_AUTHOR: 'Deleted by the author',
  AUTHOR_WITHDRAWN: 'Removed: the author withdrew their account',
} as const;

/** `onSplit`: offer "Split into new case" on customer messages (when there is more than one). */
export function MessageThread({
  messages,
  onSplit,
}: {
  messages: readonly MessageFieldsFragment[];
  onSplit?: (messageId: string) => void;
}) {
  const tz = useAgentTimeZone();
  const inbound = messages.filter((m) => m.direction === 'INBOUND').length;
  return (
    <ol className="thread" aria-label="Messages">
      {messages.map((m) => (
        <li key={m.id} className={`message ${m.direction.toLowerCase()}`} data-direction={m.direction}>
          <div className="bubble">
            {m.deleted ? (
              <p className="redacted">{REDACTED_LABEL[m.redaction ?? 'DELETED_BY_AUTHOR']}</p>
            ) : (
              <p>{m.text}</p>
            )}
          </div>
          <div className="message-meta">
            {m.authorHandle ? <span>@{m.authorHandle}</span> : null}
            {m.channel === 'DM' ? <span className="badge dm">DM</span> : null}
            <time dateTime={m.createdAt} title={new Date(m.createdAt).toString()}>
              {formatClock(m.createdAt, tz)}
            </time>
            {STATUS_LABEL[m.status] ? (
              <span className={`msg-status ${m.status.toLowerCase()}`}>{STATUS_LABEL[m.status]}</span>
            ) : null}
            {onSplit && m.direction === 'INBOUND' && inbound > 1 ? (
              <button type="button" className="link split-message" onClick={() => onSplit(m.id)}>
                Split into new case
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
