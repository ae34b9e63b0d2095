import { createContext, useContext } from 'react';
import type { SessionStore, Session } from './session-store';

export interface SessionContextValue {
  store: SessionStore;
  session: Session;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in agent; only used below the sign-in gate, so it is never null there. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in tree');
  return value;
}
