import { lazy, Suspense } from 'react';
import type { ConnectionStatus } from '../api/connection-status';
import { useSession } from '../auth/session-context';
import { InboxPage } from '../inbox/inbox-page';
import { ConnectionBanner } from './connection-banner';
import { agentTimeZone } from './format-time';
import { useRoute } from './use-route';

// The board carries the charting library; agents who never open it never download it.
const QueueBoardPage = lazy(() => import('../supervisor/queue-board-page').then((m) => ({ default: m.QueueBoardPage })));

const ROLE_LABEL = { AGENT: 'Agent', SUPERVISOR: 'Supervisor', ADMIN: 'Admin' } as const;

export function AppShell({ status }: { status: ConnectionStatus }) {
  const { session, store } = useSession();
  const { route, navigate } = useRoute();
  const { agent } = session;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">R</span>
          <span>Roost</span>
        </div>
        <nav aria-label="Main">
          <a
            href="/inbox"
            aria-current={route.name === 'inbox' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'inbox', conversationId: null, queueId: null });
            }}
          >
            Inbox
          </a>
          <a
            href="/board"
            aria-current={route.name === 'board' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'board' });
            }}
          >
            Queue board
          </a>
        </nav>
        <div className="me">
          <span className="tz" title="Times are shown in your timezone">
            {agentTimeZone()}
          </span>
          <span className="avatar" aria-hidden="true">
            {agent.initials}
          </span>
          <span className="me-name">
            <strong>{agent.name}</strong>
            <small>{ROLE_LABEL[agent.role]}</small>
          </span>
          <button type="button" className="ghost" onClick={() => store.clear()}>
            Sign out
          </button>
        </div>
      </header>
      <ConnectionBanner status={status} />
      {route.name === 'board' ? (
        <Suspense fallback={<div className="empty muted">Loading the board…</div>}>
          <QueueBoardPage status={status} />
        </Suspense>
      ) : (
        <InboxPage route={route} navigate={navigate} status={status} />
      )}
    </div>
  );
}
