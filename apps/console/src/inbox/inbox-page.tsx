import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import type { ConnectionStatus } from '../api/connection-status';
import { ConversationView, type ConversationViewHandle } from '../conversation/conversation-view';
import { ConversationsDocument, QueuesDocument, type ConversationFilter } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { ShortcutHelp } from '../shared/shortcut-help';
import { useNow } from '../shared/use-now';
import type { Route } from '../shared/use-route';
import { useShortcuts } from '../shared/use-shortcuts';
import { ConversationList } from './conversation-list';
import { QueueList } from './queue-list';
import { byPriorityThenAge } from './sort-conversations';
import { useDebounced, useQueueUpdates } from './use-queue-updates';

const PAGE_SIZE = 50;
const REFETCH_COALESCE_MS = 250;

type InboxRoute = Extract<Route, { name: 'inbox' }>;

export function InboxPage(props: { route: InboxRoute; navigate: (to: Route) => void; status: ConnectionStatus }) {
  const { route, navigate } = props;
  const now = useNow();
  const view = useRef<ConversationViewHandle>(null);
  const [help, setHelp] = useState(false);

  const filter = useMemo<ConversationFilter>(
    () => ({ status: ['WAITING', 'ASSIGNED'], ...(route.queueId ? { queueId: route.queueId } : {}) }),
    [route.queueId],
  );
  const [queues, refetchQueues] = useQuery({ query: QueuesDocument });
  const [list, refetchList] = useQuery({ query: ConversationsDocument, variables: { first: PAGE_SIZE, filter } });

  // No polling: a push says "something changed in a queue you see", the lists are then refetched.
  const refetch = useDebounced(() => {
    refetchQueues({ requestPolicy: 'network-only' });
    refetchList({ requestPolicy: 'network-only' });
  }, REFETCH_COALESCE_MS);
  const [liveTick, setLiveTick] = useState(0);
  const live = useQueueUpdates({
    status: props.status,
    onUpdate: (u) => {
      refetch();
      if (u.conversationId && u.conversationId === route.conversationId) setLiveTick((t) => t + 1);
    },
    onResync: () => {
      refetch();
      setLiveTick((t) => t + 1);
    },
  });

  const rows = useMemo(
    () => [...(list.data?.conversations.edges.map((e) => e.node) ?? [])].sort(byPriorityThenAge),
    [list.data],
  );
  const open = (id: string) => navigate({ ...route, conversationId: id });
  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === route.conversationId);
    const next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
    open(rows[next]!.id);
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    r: () => view.current?.focusComposer(),
    '?': () => setHelp((h) => !h),
    Escape: () => setHelp(false),
  });

  const problems = [
    ...(queues.error ? describeApiError(queues.error) : []),
    ...(list.error ? describeApiError(list.error) : []),
    ...(live.error ? describeApiError(live.error) : []),
  ];
  const total = list.data?.conversations.totalCount ?? 0;

  return (
    <main className="inbox">
      <QueueList
        queues={queues.data?.queues ?? []}
        selected={route.queueId}
        now={now}
        onSelect={(queueId) => navigate({ name: 'inbox', conversationId: null, queueId })}
      />
      <section className="list-pane" aria-label="Conversation list">
        <header className="pane-header">
          <h2>Open conversations</h2>
          <span className="muted" data-testid="total-count">
            {total} {total === 1 ? 'conversation' : 'conversations'}
          </span>
        </header>
        <ErrorList problems={problems} />
        <ConversationList rows={rows} selected={route.conversationId} now={now} onOpen={open} />
        <footer className="pane-footer muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>r</kbd> reply · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> send · <kbd>?</kbd> all shortcuts
        </footer>
      </section>
      <section className="detail-pane" aria-label="Conversation">
        {route.conversationId ? (
          <ConversationView key={route.conversationId} ref={view} conversationId={route.conversationId} liveTick={liveTick} />
        ) : (
          <div className="empty">
            <p>Select a conversation</p>
            <p className="muted">
              Press <kbd>j</kbd> to open the most urgent one.
            </p>
          </div>
        )}
      </section>
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </main>
  );
}
