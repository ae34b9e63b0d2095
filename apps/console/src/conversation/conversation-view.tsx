import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import {
  BrandGuidelinesDocument,
  ConversationDetailDocument,
  ConversationDocument,
  SplitConversationDocument,
} from '../graphql/generated';
import { IntentBadge, LanguageBadge, ReplyPathBadge, SentimentBadge, StatusBadge } from '../shared/badges';
import { ErrorList } from '../shared/error-list';
import { formatClock, useAgentTimeZone } from '../shared/format-time';
import { ActionBar, type ActionBarHandle, type ActionName } from './action-bar';
import { CaseBanner } from './case-banner';
import { Composer, type ComposerHandle } from './composer';
import { CustomerPanel } from './customer-panel';
import { LockNotice, TransferHistory } from './lock-and-transfers';
import { MessageThread } from './message-thread';
import { PresenceBar } from './presence-bar';
import { useAction } from './use-action';
import { usePresence } from './use-presence';

export interface ConversationViewHandle {
  focusComposer(): void;
  focusCanned(): void;
  action(name: ActionName): void;
}

const NO_PHRASES: readonly string[] = [];

/** `liveTick` changes when a push concerns this conversation: thread, detail and customer are refetched. */
export function ConversationView(props: {
  conversationId: string;
  liveTick: number;
  onOpenConversation: (id: string) => void;
  ref?: Ref<ConversationViewHandle>;
}) {
  const id = props.conversationId;
  const [{ data, error, fetching }, refetch] = useQuery({ query: ConversationDocument, variables: { id } });
  const tz = useAgentTimeZone();
  const [detail, refetchDetail] = useQuery({ query: ConversationDetailDocument, variables: { id } });
  const [guidelines] = useQuery({ query: BrandGuidelinesDocument });
  const [customerTick, setCustomerTick] = useState(0);
  const [movedToDm, setMovedToDm] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const actions = useRef<ActionBarHandle>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const presence = usePresence(id);
  const [caseTick, setCaseTick] = useState(0);
  const [, split] = useMutation(SplitConversationDocument);
  useImperativeHandle(
    props.ref,
    () => ({
      focusComposer: () => composer.current?.focus(),
      focusCanned: () => composer.current?.focusCanned(),
      action: (name) => actions.current?.trigger(name),
    }),
    [],
  );
  const refresh = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    refetchDetail({ requestPolicy: 'network-only' });
    setCustomerTick((t) => t + 1);
    setCaseTick((t) => t + 1);
  }, [refetch, refetchDetail]);
  const splitting = useAction(refresh);
  const splitOut = async (messageId: string) => {
    const ok = await splitting.run(() =>
      split({ conversationId: id, messageId, expectedVersion: detail.data?.conversationDetail.version }),
    );
    if (ok) refresh();
  };
  useEffect(() => {
    if (props.liveTick > 0) refresh();
  }, [props.liveTick, refresh]);
  const c = data?.conversation;
  const count = c?.messages.length ?? 0;
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollIntoView, which React would call.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  if (error) return <ErrorList problems={describeApiError(error)} />;
  if (!c) {
    return (
      <div className="empty">
        {fetching ? <p className="muted">Loading…</p> : <p>This conversation is not visible to you.</p>}
      </div>
    );
  }
  const d = detail.data?.conversationDetail;
  const followUpDue = d?.followUpRequired === true && c.status !== 'RESOLVED';
  return (
    <div className="conversation-layout">
      <article className="conversation" data-conversation-id={c.id}>
        <header className="conversation-head">
          <div className="customer-line">
            <span className="avatar customer-avatar" aria-hidden="true">
              {c.customer.name.slice(0, 1).toUpperCase()}
            </span>
            <div>
              <h2>
                {c.customer.name}{' '}
                {c.customer.verified ? (
                  <span className="verified" title="Verified">
                    ✓
                  </span>
                ) : null}
                {c.customer.vip ? (
                  <span className="badge vip" data-testid="conversation-vip" title="VIP customer">
                    VIP
                  </span>
                ) : null}
              </h2>
              <span className="muted">
                @{c.customer.handle} · {c.customer.followersCount.toLocaleString()} followers
              </span>
            </div>
            <PresenceBar others={presence.others} />
          </div>
          <div className="row-badges">
            <StatusBadge status={c.status} />
            <LanguageBadge language={c.language} />
            <SentimentBadge sentiment={c.sentiment} />
            <IntentBadge intent={c.intent} />
            <ReplyPathBadge replyPath={c.replyPath} />
            {d?.movedToDmAt ? <span className="badge dm">moved to DM</span> : null}
            {d?.hardLock ? (
              <span className="badge lock" data-testid="lock-badge">
                locked
              </span>
            ) : null}
            {d?.snoozedUntil ? (
              <span className="badge">snoozed until {formatClock(d.snoozedUntil, tz)}</span>
            ) : null}
            {(d?.tags ?? c.tags).map((t) => (
              <span key={t} className="badge tag" data-testid="conversation-tag">
                #{t}
              </span>
            ))}
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
              <dd>{formatClock(c.openedAt, tz)}</dd>
            </div>
            <div>
              <dt>Priority</dt>
              <dd>{c.priority}</dd>
            </div>
          </dl>
          <ActionBar
            ref={actions}
            conversationId={c.id}
            resolved={c.status === 'RESOLVED'}
            snoozed={c.status === 'SNOOZED'}
            customerName={c.customer.name}
            queueId={c.queue?.id ?? null}
            detail={d}
            onChanged={refresh}
            onMovedToDm={() => setMovedToDm(true)}
          />
          {d?.hardLock && c.status !== 'RESOLVED' ? (
            <LockNotice
              conversationId={c.id}
              assigneeId={c.assignee?.id ?? null}
              assigneeName={c.assignee?.name ?? null}
              onChanged={refresh}
            />
          ) : null}
          <TransferHistory transfers={d?.transfers ?? []} />
          {followUpDue ? (
            <div className="follow-up-prompt" role="status" data-testid="follow-up-prompt">
              <span>
                {movedToDm ? 'Moved to DM. ' : 'This conversation continues in DM. '}
                When it is done, resolve it with a short public follow-up.
              </span>
              <button
                type="button"
                className="ghost small"
                onClick={() => actions.current?.trigger('resolve')}
              >
                Resolve with follow-up…
              </button>
            </div>
          ) : null}
          <CaseBanner
            conversationId={c.id}
            resolved={c.status === 'RESOLVED'}
            version={d?.version}
            tick={caseTick}
            onChanged={refresh}
            onOpenConversation={props.onOpenConversation}
          />
        </header>
        <div className="thread-scroll">
          <MessageThread
            messages={c.messages}
            onSplit={c.status === 'RESOLVED' || c.channel === 'DM' ? undefined : (m) => void splitOut(m)}
          />
          <div ref={bottom} />
        </div>
        <ErrorList
          problems={[
            ...splitting.problems,
            ...(detail.error ? describeApiError(detail.error) : []),
            ...(guidelines.error ? describeApiError(guidelines.error) : []),
          ]}
        />
        <Composer
          ref={composer}
          conversationId={c.id}
          dmThread={c.channel === 'DM' || Boolean(d?.movedToDmAt)}
          replyOptions={d?.replyOptions}
          bannedPhrases={guidelines.data?.brandGuidelines.bannedPhrases ?? NO_PHRASES}
          onTyping={presence.typing}
          onSent={refresh}
        />
      </article>
      <CustomerPanel
        customerId={c.customer.id}
        conversationId={c.id}
        refreshTick={customerTick}
        onOpenConversation={props.onOpenConversation}
      />
    </div>
  );
}
