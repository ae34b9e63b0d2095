import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import { ConversationDocument } from '../graphql/generated';
import { IntentBadge, LanguageBadge, ReplyPathBadge, SentimentBadge, StatusBadge } from '../shared/badges';
import { ErrorList } from '../shared/error-list';
import { formatClock } from '../shared/format-time';
import { Composer, type ComposerHandle } from './composer';
import { MessageThread } from './message-thread';
import { ResolveButton } from './resolve-button';

export interface ConversationViewHandle {
  focusComposer(): void;
}

/** `liveTick` changes when a push concerns this conversation: the thread is then refetched. */
export function ConversationView(props: { conversationId: string; liveTick: number; ref?: Ref<ConversationViewHandle> }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ConversationDocument, variables: { id: props.conversationId } });
  const composer = useRef<ComposerHandle>(null);
  const bottom = useRef<HTMLDivElement>(null);
  useImperativeHandle(props.ref, () => ({ focusComposer: () => composer.current?.focus() }), []);
  useEffect(() => {
    if (props.liveTick > 0) refetch({ requestPolicy: 'network-only' });
  }, [props.liveTick, refetch]);
  const c = data?.conversation;
  const count = c?.messages.length ?? 0;
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollIntoView, which React would call.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  if (error) return <ErrorList problems={describeApiError(error)} />;
  if (!c) {
    return <div className="empty">{fetching ? <p className="muted">Loading…</p> : <p>This conversation is not visible to you.</p>}</div>;
  }
  return (
    <article className="conversation" data-conversation-id={c.id}>
      <header className="conversation-head">
        <div className="customer-line">
          <span className="avatar customer-avatar" aria-hidden="true">
            {c.customer.name.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <h2>
              {c.customer.name} {c.customer.verified ? <span className="verified" title="Verified">✓</span> : null}
            </h2>
            <span className="muted">
              @{c.customer.handle} · {c.customer.followersCount.toLocaleString()} followers
            </span>
          </div>
        </div>
        <div className="row-badges">
          <StatusBadge status={c.status} />
          <LanguageBadge language={c.language} />
          <SentimentBadge sentiment={c.sentiment} />
          <IntentBadge intent={c.intent} />
          <ReplyPathBadge replyPath={c.replyPath} />
        </div>
        <dl className="facts">
          <div>
            <dt>Queue</dt>
            <dd>{c.queue?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Assignee</dt>
            <dd>{c.assignee?.name ?? 'Unassigned'}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatClock(c.openedAt)}</dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>{c.priority}</dd>
          </div>
        </dl>
        <ResolveButton
          conversationId={c.id}
          resolved={c.status === 'RESOLVED'}
          onResolved={() => refetch({ requestPolicy: 'network-only' })}
        />
      </header>
      <div className="thread-scroll">
        <MessageThread messages={c.messages} />
        <div ref={bottom} />
      </div>
      <Composer ref={composer} conversationId={c.id} channel={c.channel} />
    </article>
  );
}
