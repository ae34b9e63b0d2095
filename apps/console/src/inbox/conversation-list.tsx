import { useEffect, useRef } from 'react';
import type { ConversationsQuery } from '../graphql/generated';
import { IntentBadge, LanguageBadge, PriorityMark, ReplyPathBadge, SentimentBadge } from '../shared/badges';
import { formatAge, formatDateTime, useAgentTimeZone } from '../shared/format-time';
import { rowSnippet } from './row-snippet';

export type ConversationRow = ConversationsQuery['conversations']['edges'][number]['node'];

export function ConversationList(props: {
  rows: readonly ConversationRow[];
  selected: string | null;
  now: number;
  onOpen: (id: string) => void;
}) {
  const tz = useAgentTimeZone();
  const selectedRef = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' }); // no return: it may be a Promise
  }, [props.selected]);

  if (props.rows.length === 0) {
    return (
      <div className="empty">
        <p>No open conversations.</p>
        <p className="muted">New mentions appear here the moment they are routed.</p>
      </div>
    );
  }
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {props.rows.map((c) => {
        const active = c.id === props.selected;
        return (
          <li
            key={c.id}
            ref={active ? selectedRef : undefined}
            className={`conversation-row${active ? ' active' : ''}`}
            data-conversation-id={c.id}
            data-handle={c.customer.handle}
            aria-selected={active}
            onClick={() => props.onOpen(c.id)}
          >
            <div className="row-top">
              <PriorityMark priority={c.priority} />
              <span className="customer">
                {c.customer.name}
                {c.customer.verified ? (
                  <span className="verified" title="Verified">
                    ✓
                  </span>
                ) : null}
                <span className="handle">@{c.customer.handle}</span>
              </span>
              {c.customer.vip ? (
                <span className="badge vip" data-testid="row-vip" title="VIP customer">
                  VIP
                </span>
              ) : null}
              <span className="age" title={`Opened ${formatDateTime(c.openedAt, tz)}`}>
                {formatAge(c.openedAt, props.now)}
              </span>
            </div>
            <p className="snippet">{rowSnippet(c)}</p>
            <div className="row-badges">
              <LanguageBadge language={c.language} />
              <SentimentBadge sentiment={c.sentiment} />
              <IntentBadge intent={c.intent} />
              <ReplyPathBadge replyPath={c.replyPath} />
              {c.channel === 'DM' ? <span className="badge dm">DM</span> : null}
              {c.tags.map((t) => (
                <span key={t} className="badge tag" data-testid="row-tag">
                  #{t}
                </span>
              ))}
              {c.customer.withdrawnAt ? (
                <span
                  className="badge withdrawn"
                  title="X compliance: the customer's name, handle and messages were removed"
                >
                  Withdrawn
                </span>
              ) : null}
              <span className="row-assignee">
                {c.assignee ? c.assignee.name : c.status === 'WAITING' ? 'Unassigned' : ''}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
