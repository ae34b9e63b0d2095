import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { CustomerProfileDocument, UpdateCustomerDocument } from '../graphql/generated';
import { StatusBadge } from '../shared/badges';
import { useSession } from '../auth/session-context';
import { ErrorList } from '../shared/error-list';
import { formatClock, useAgentTimeZone } from '../shared/format-time';
import { withdrawnNotice } from './withdrawn-notice';

/**
 * The customer beside the conversation: profile, VIP, tags, shared notes (who wrote them, when,
 * in the agent's timezone) and every earlier conversation. `refreshTick` changes after a note is
 * added from the action bar, or when a push concerns this conversation.
 */
export function CustomerPanel(props: {
  customerId: string;
  conversationId: string;
  refreshTick: number;
  onOpenConversation: (id: string) => void;
}) {
  const [{ data, error }, refetch] = useQuery({
    query: CustomerProfileDocument,
    variables: { id: props.customerId },
  });
  const tz = useAgentTimeZone();
  // The VIP flag moves routing: supervisors and admins change it (conversations checks again).
  const mayChangeVip = useSession().session.agent.role !== 'AGENT';
  const [{ fetching }, update] = useMutation(UpdateCustomerDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [tag, setTag] = useState('');
  useEffect(() => {
    if (props.refreshTick > 0) refetch({ requestPolicy: 'network-only' });
  }, [props.refreshTick, refetch]);

  const c = data?.customer;
  if (error)
    return (
      <aside className="customer-panel">
        <ErrorList problems={describeApiError(error)} />
      </aside>
    );
  if (!c) return <aside className="customer-panel muted">Loading the customer…</aside>;

  const change = async (vars: { vip?: boolean; addTags?: string[]; removeTags?: string[] }) => {
    setProblems([]);
    const res = await update({ customerId: c.id, ...vars });
    if (res.error) setProblems(describeApiError(res.error));
  };
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const t = tag.trim();
    if (!t) return;
    setTag('');
    void change({ addTags: [t] });
  };
  const earlier = c.history.filter((h) => h.conversationId !== props.conversationId);

  return (
    <aside className="customer-panel" aria-label="Customer">
      <section>
        <header className="panel-row">
          <h3>Customer</h3>
          {mayChangeVip ? (
            <label className="vip-toggle">
              <input
                type="checkbox"
                checked={c.vip}
                disabled={fetching}
                onChange={(e) => void change({ vip: e.target.checked })}
              />
              VIP
            </label>
          ) : null}
        </header>
        <dl className="profile">
          <div>
            <dt>Handle</dt>
            <dd>@{c.handle}</dd>
          </div>
          <div>
            <dt>Followers</dt>
            <dd>{c.followersCount.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{c.language?.toUpperCase() ?? '—'}</dd>
          </div>
          <div>
            <dt>First seen</dt>
            <dd>{formatClock(c.firstSeenAt, tz)}</dd>
          </div>
        </dl>
        {c.vip ? (
          <span className="badge vip" data-testid="vip-badge">
            VIP
          </span>
        ) : null}
        {c.withdrawnAt ? (
          <p className="withdrawn" role="note" data-testid="customer-withdrawn">
            {withdrawnNotice(c.withdrawnReason)} on {formatClock(c.withdrawnAt, tz)}. X's terms require Roost
            to remove their name, handle and messages; your notes stay.
          </p>
        ) : null}
      </section>
      <section>
        <h3>Customer tags</h3>
        <ul className="chips" data-testid="customer-tags">
          {c.tags.map((t) => (
            <li key={t} className="chip">
              {t}
              <button
                type="button"
                className="chip-x"
                aria-label={`Remove customer tag ${t}`}
                onClick={() => void change({ removeTags: [t] })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="inline-form" onSubmit={addTag}>
          <input
            aria-label="New customer tag"
            placeholder="Add a tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
          <button type="submit" className="ghost small" disabled={!tag.trim()}>
            Add
          </button>
        </form>
      </section>
      <ErrorList problems={problems} />
      <section>
        <h3>Shared notes</h3>
        {c.notes.length === 0 ? (
          <p className="muted small-text">
            No notes yet. Press <kbd>n</kbd> to add one.
          </p>
        ) : (
          <ol className="notes" data-testid="notes">
            {c.notes.map((n) => (
              <li key={n.id} className="note">
                <p>{n.text}</p>
                <span className="muted small-text">
                  <span className="note-author">{n.authorInitials}</span> ·{' '}
                  <time dateTime={n.createdAt} title={new Date(n.createdAt).toString()}>
                    {formatClock(n.createdAt, tz)}
                  </time>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3>Earlier conversations</h3>
        {earlier.length === 0 ? (
          <p className="muted small-text">None: this is the first.</p>
        ) : (
          <ol className="history" data-testid="history">
            {earlier.map((h) => (
              <li key={h.conversationId}>
                <button
                  type="button"
                  className="history-item"
                  onClick={() => props.onOpenConversation(h.conversationId)}
                >
                  <span className="row-top">
                    <StatusBadge status={h.status} />
                    {h.channel === 'DM' ? <span className="badge dm">DM</span> : null}
                    <time className="muted small-text" dateTime={h.openedAt}>
                      {formatClock(h.openedAt, tz)}
                    </time>
                  </span>
                  <span className="snippet">{h.lastText ?? '—'}</span>
                  <span className="muted small-text">{h.messageCount} messages</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
