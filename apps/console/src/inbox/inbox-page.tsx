import { useCallback, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { describeApiError } from '../api/api-error';
import type { ConnectionStatus } from '../api/connection-status';
import { ACTION_KEYS, type ActionName } from '../conversation/action-bar';
import { ConversationView, type ConversationViewHandle } from '../conversation/conversation-view';
import {
  ConversationsDocument,
  QueuesDocument,
  type ConversationFilter,
  type ConversationsQuery,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { ShortcutHelp } from '../shared/shortcut-help';
import { useNow } from '../shared/use-now';
import type { Route } from '../shared/use-route';
import { useShortcuts } from '../shared/use-shortcuts';
import { CaseFromTweetForm } from './case-from-tweet-form';
import { ConversationList } from './conversation-list';
import { QueueList } from './queue-list';
import { byPriorityThenAge } from './sort-conversations';
import { useDebounced, useQueueUpdates } from './use-queue-updates';

const PAGE_SIZE = 50;
/**
 * One refetch (3 operations) per second at most while pushes stream in: an agent with three tabs
 * open during a burst of mentions stays well under the gateway's per-caller rate limit (20/s).
 */
const REFETCH_COALESCE_MS = 1000;

type InboxRoute = Extract<Route, { name: 'inbox' }>;

export function InboxPage(props: {
  route: InboxRoute;
  navigate: (to: Route) => void;
  status: ConnectionStatus;
}) {
  const { route, navigate } = props;
  const now = useNow();
  const view = useRef<ConversationViewHandle>(null);
  const [help, setHelp] = useState(false);

  const filter = useMemo<ConversationFilter>(
    () => ({ status: ['WAITING', 'ASSIGNED'], ...(route.queueId ? { queueId: route.queueId } : {}) }),
    [route.queueId],
  );
  const [queues, refetchQueues] = useQuery({ query: QueuesDocument });
  const [list, refetchList] = useQuery({
    query: ConversationsDocument,
    variables: { first: PAGE_SIZE, filter, order: 'URGENT' as const },
  });
  const more = useMorePages(filter, list.data?.conversations.pageInfo ?? null);

  // No polling: a push says "something changed in a queue you see", the lists are then refetched.
  const refetch = useDebounced(() => {
    refetchQueues({ requestPolicy: 'network-only' });
    refetchList({ requestPolicy: 'network-only' });
    more.reload();
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

  const rows = useMemo(() => {
    // The server orders by urgency; pages loaded later may overlap the refreshed first page.
    const byId = new Map(
      [...(list.data?.conversations.edges ?? []), ...more.edges].map((e) => [e.node.id, e.node]),
    );

    return [...byId.values()].sort(byPriorityThenAge);
  }, [list.data, more.edges]);
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
    c: () => view.current?.focusCanned(),
    ...Object.fromEntries(
      (Object.entries(ACTION_KEYS) as Array<[ActionName, string]>).map(([name, key]) => [
        key,
        () => view.current?.action(name),
      ]),
    ),
    '?': () => setHelp((h) => !h),
    Escape: () => setHelp(false),
  });

  const problems = [
    ...(queues.error ? describeApiError(queues.error) : []),
    ...(list.error ? describeApiError(list.error) : []),
    ...(live.error ? describeApiError(live.error) : []),
    ...(more.error ? describeApiError(more.error) : []),
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
        <CaseFromTweetForm onOpen={open} />
        <ErrorList problems={problems} />
        <ConversationList rows={rows} selected={route.conversationId} now={now} onOpen={open} />
        {more.hasMore ? (
          <button
            type="button"
            className="ghost load-more"
            disabled={more.loading}
            onClick={() => void more.loadNext()}
          >
            {more.loading ? 'Loading…' : `Show ${Math.min(PAGE_SIZE, total - rows.length)} more of ${total}`}
          </button>
        ) : null}
        <footer className="pane-footer muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>r</kbd> reply · <kbd>n</kbd> note · <kbd>e</kbd> resolve ·{' '}
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> send · <kbd>?</kbd> all shortcuts
        </footer>
      </section>
      <section className="detail-pane" aria-label="Conversation">
        {route.conversationId ? (
          <ConversationView
            key={route.conversationId}
            ref={view}
            conversationId={route.conversationId}
            liveTick={liveTick}
            onOpenConversation={open}
          />
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

type Edge = ConversationsQuery['conversations']['edges'][number];

/**
 * Pages after the first, most urgent first ("Show more"): loaded on demand with the server's
 * cursors, and reloaded (as many as were shown) when a push refreshes the first page.
 */
function useMorePages(
  filter: ConversationFilter,
  first: { hasNextPage: boolean; endCursor?: string | null } | null,
) {
  const client = useClient();
  const [pages, setPages] = useState<{ edges: Edge[]; count: number; next: string | null }>({
    edges: [],
    count: 0,
    next: null,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Parameters<typeof describeApiError>[0] | null>(null);

  const fetchPages = useCallback(
    async (count: number, after: string | null | undefined) => {
      const edges: Edge[] = [];
      let cursor = after ?? null;
      let loaded = 0;
      while (loaded < count && cursor) {
        const res = await client
          .query(
            ConversationsDocument,
            { first: PAGE_SIZE, after: cursor, filter, order: 'URGENT' as const },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (res.error) {
          setError(res.error);
          break;
        }
        const page = res.data?.conversations;
        if (!page) break;
        edges.push(...page.edges);
        loaded++;
        cursor = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      }
      setPages({ edges, count: loaded, next: cursor });
    },
    [client, filter],
  );

  const firstNext = first?.hasNextPage ? (first.endCursor ?? null) : null;

  return {
    edges: pages.edges,
    error,
    loading,
    hasMore: pages.count === 0 ? firstNext !== null : pages.next !== null,
    async loadNext(): Promise<void> {
      setLoading(true);
      setError(null);
      await fetchPages(pages.count + 1, firstNext);
      setLoading(false);
    },
    reload(): void {
      if (pages.count > 0) void fetchPages(pages.count, firstNext);
    },
  };
}
