import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './api/graphql-client';
import { SessionContext } from './auth/session-context';
import type { SessionStore } from './auth/session-store';
import { SignInPage } from './auth/sign-in-page';
import { AgentTimeZoneProvider } from './shared/agent-time-zone';
import { AppShell } from './shared/app-shell';

/**
 * Signed out: a client without a socket serves the login mutation. Signed in: a fresh client
 * (and socket) per token, disposed on sign-out so no subscription outlives its session.
 */
export function App({ store }: { store: SessionStore }) {
  const session = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current(),
  );
  const token = session?.token ?? null;
  const api = useMemo(() => createApiClient(store, { live: token !== null }), [store, token]);
  useEffect(
    () => () => {
      api.dispose();
    },
    [api],
  );

  return (
    <Provider value={api.urql}>
      {session ? (
        <SessionContext.Provider value={{ store, session }}>
          <AgentTimeZoneProvider>
            <AppShell status={api.status} />
          </AgentTimeZoneProvider>
        </SessionContext.Provider>
      ) : (
        <SignInPage store={store} />
      )}
    </Provider>
  );
}
