import type { MessageFieldsFragment } from '../graphql/generated';
import { formatClock } from '../shared/format-time';

const STATUS_LABEL = { PENDING: 'Sending…', SENT: 'Sent', FAILED: 'Failed to send', RECEIVED: '' } as const;

export function MessageThread({ messages }: { messages: readonly MessageFieldsFragment[] }) {
  return (
    <ol className="thread" aria-label="Messages">
      {messages.map((m) => (
        <li key={m.id} className={`message ${m.direction.toLowerCase()}`} data-direction={m.direction}>
          <div className="bubble">
            <p>{m.text}</p>
          </div>
          <div className="message-meta">
            <span>@{m.authorHandle}</span>
            {m.channel === 'DM' ? <span className="badge dm">DM</span> : null}
            <time dateTime={m.createdAt} title={new Date(m.createdAt).toString()}>
              {formatClock(m.createdAt)}
            </time>
            {STATUS_LABEL[m.status] ? <span className={`msg-status ${m.status.toLowerCase()}`}>{STATUS_LABEL[m.status]}</span> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
