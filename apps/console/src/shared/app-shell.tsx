import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { ConnectionStatus } from '../api/connection-status';
import { useSession } from '../auth/session-context';
import { InboxPage } from '../inbox/inbox-page';
import { ChangePasswordDialog } from './change-password-dialog';
import { ConnectionBanner } from './connection-banner';
import { useAgentTimeZone } from './format-time';
import { StatusControl } from './status-control';
import { useRoute, type Route } from './use-route';

// The board and insights carry the charting library; agents who never open them never download it.
const QueueBoardPage = lazy(() =>
  import('../supervisor/queue-board-page').then((m) => ({ default: m.QueueBoardPage })),
);
const InsightsPage = lazy(() =>
  import('../supervisor/insights-page').then((m) => ({ default: m.InsightsPage })),
);
const AdminPage = lazy(() => import('../admin/admin-page').then((m) => ({ default: m.AdminPage })));

const ROLE_LABEL = { AGENT: 'Agent', SUPERVISOR: 'Supervisor', ADMIN: 'Admin' } as const;

export function AppShell({ status }: { status: ConnectionStatus }) {
  const { session, store } = useSession();
  const { route, navigate } = useRoute();
  const { agent } = session;
  const supervises = agent.role !== 'AGENT';
  const tz = useAgentTimeZone();
  const [changingPassword, setChangingPassword] = useState(false);

  const link = (to: Route, label: string, href: string) => (
    <a
      href={href}
      aria-current={route.name === to.name ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
  const lazyPage = (page: ReactNode) => (
    <Suspense fallback={<div className="empty muted">Loading…</div>}>{page}</Suspense>
  );

  let page: ReactNode;
  switch (route.name) {
    case 'board':
      page = lazyPage(<QueueBoardPage status={status} />);
      break;
    case 'insights':
      page = supervises ? lazyPage(<InsightsPage status={status} />) : <NotForRole />;
      break;
    case 'admin':
      page = supervises ? (
        lazyPage(<AdminPage section={route.section} navigate={navigate} />)
      ) : (
        <NotForRole />
      );
      break;
    case 'inbox':
      page = <InboxPage route={route} navigate={navigate} status={status} />;
      break;
  }

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span>Roost</span>
        </div>
        <nav aria-label="Main">
          {link({ name: 'inbox', conversationId: null, queueId: null }, 'Inbox', '/inbox')}
          {link({ name: 'board' }, 'Queue board', '/board')}
          {supervises ? link({ name: 'insights' }, 'Insights', '/insights') : null}
          {supervises ? link({ name: 'admin', section: 'listening' }, 'Settings', '/admin/listening') : null}
        </nav>
        <div className="me">
          <StatusControl />
          <span className="tz" title="Times are shown in your timezone">
            {tz}
          </span>
          <span className="avatar" aria-hidden="true">
            {agent.initials}
          </span>
          <span className="me-name">
            <strong>{agent.name}</strong>
            <small>{ROLE_LABEL[agent.role]}</small>
          </span>
          <button type="button" className="ghost" onClick={() => setChangingPassword(true)}>
            Change password
          </button>
          <button type="button" className="ghost" onClick={() => store.clear()}>
            Sign out
          </button>
        </div>
      </header>
      <ConnectionBanner status={status} />
      {page}
      {changingPassword ? <ChangePasswordDialog onClose={() => setChangingPassword(false)} /> : null}
    </div>
  );
}

function NotForRole() {
  return (
    <div className="empty">
      <p>Supervisors only</p>
      <p className="muted">Your role does not include this screen.</p>
    </div>
  );
}
